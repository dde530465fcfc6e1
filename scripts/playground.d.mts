/** writes the playground page to `outfile` (default dist/playground.html); resolves to its path and size in bytes */
export function buildPlayground(outfile?: string): Promise<{ path: string; bytes: number }>;
