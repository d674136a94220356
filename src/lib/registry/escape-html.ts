/**
 * HTML escaping for text and attribute values (OWASP XSS Prevention Cheat Sheet, rule 1 and 2):
 * `& < > " '` become character references, so user text can neither open a tag nor leave a
 * quoted attribute. Only for element content and double-quoted attribute values; never for
 * URLs, scripts or styles (the renderers put user text nowhere else).
 */

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content or a double-quoted attribute value.
 * @param text any text
 * @returns the escaped text
 * @throws never
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 * escapeHtml('"><svg onload=alert(1)>')      // '&quot;&gt;&lt;svg onload=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => REFERENCES[c]!);
}
