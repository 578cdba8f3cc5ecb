/**
 * The site's base path, always with one trailing slash ('/' or '/review/'), from Astro's `base`
 * option. It reads Vite's `import.meta.env`, so only Astro pages, components, build glue
 * (src/build/) and browser scripts (src/client/) import it; src/lib/ takes the base as an argument.
 */
export const base: string = import.meta.env.BASE_URL.replace(/\/?$/, '/');
