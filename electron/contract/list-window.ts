/**
 * Rows of the workspace's first `invoices.list` window (a screen or two, painted before the rest crosses), and of the
 * first screen the core keeps beside each offline copy to answer it at start-up without reading the whole copy.
 * Its own file, free of zod: the renderer imports it.
 */
export const FIRST_LIST_WINDOW = 500;
