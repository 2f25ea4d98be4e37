/**
 * Styles a shadow root with a constructed style sheet where the browser has them: a sheet
 * made by script is not inline CSS, so a page whose Content-Security-Policy refuses inline
 * styles (`style-src 'self'`, as Salient's own pages send) still shows the widget as
 * designed. Older browsers get a <style> element.
 */
export function adoptStyles(shadow: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
}
