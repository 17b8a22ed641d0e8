/** Anxun needs Node >= 22.18 (native TypeScript type stripping). */
export function requireNode(): void {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < 22 || (major === 22 && minor < 18)) {
    console.error(`安巡需要 Node.js 22.18 或更高版本（当前 ${process.versions.node}）。Anxun needs Node.js >= 22.18 (this is ${process.versions.node}); Node 24 LTS is recommended.`);
    process.exit(1);
  }
}
