/** What every page view needs to know about the request: region, URL base and stylesheet. */
export type PageContext = {
  /** '' for the default region at the site root, '/regio/<code>' for other regions. */
  base: string;
  region: { id: number; code: string; name: string; cbsCode?: string };
  stylesheet: string;
  brand: string;
};

export type Crumb = { label: string; href?: string };

/** Builds a URL inside the current region. */
export function href(ctx: PageContext, path: string): string {
  return `${ctx.base}${path}` || '/';
}
