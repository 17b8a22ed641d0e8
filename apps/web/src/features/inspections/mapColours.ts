/** Shared by the lazy map and its legend, so the legend does not pull MapLibre in. */
export const SITE_COLOUR = '#1456a8';
export const GPS_COLOUR = '#389e0d';
export const FAR_COLOUR = '#cf1322';
