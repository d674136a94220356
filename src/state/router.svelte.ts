/** Hash routes: `#/data`, `#/train`, ... One per lifecycle view. */
export const ROUTES = [
  { id: 'data', title: 'Data' },
  { id: 'train', title: 'Train' },
  { id: 'search', title: 'Search' },
  { id: 'experiments', title: 'Experiments' },
  { id: 'registry', title: 'Registry' },
  { id: 'serve', title: 'Serve' },
  { id: 'monitor', title: 'Monitor' },
  { id: 'abtests', title: 'A/B tests' },
  { id: 'settings', title: 'Settings' },
] as const;

export type RouteId = (typeof ROUTES)[number]['id'];

function parse(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  return ROUTES.find((r) => r.id === id)?.id ?? 'data';
}

export class Router {
  current = $state<RouteId>(parse(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
      this.current = parse(location.hash);
    });
  }

  go(id: RouteId): void {
    location.hash = `#/${id}`;
  }
}
