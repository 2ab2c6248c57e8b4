/**
 * For tests: a strict check that `svg` is one well-formed XML element tree: every tag closed in
 * order, attributes quoted, no stray "<" or "&" in text or values, only the SVG elements listed,
 * no script, event handler, link or external reference. Returns the problems found.
 */
export function checkSvg(svg: string, elements: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const token =
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
  let pos = 0;
  for (let m = token.exec(svg); m; m = token.exec(svg)) {
    pos = token.lastIndex;
    const [, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(text) || text.includes('>')) problems.push(`bad text: ${text}`);
      continue;
    }
    if (!elements.has(name!)) problems.push(`element ${name}`);
    for (const a of attrs!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (/^on/i.test(a[1]!) || /href$/i.test(a[1]!)) problems.push(`attribute ${a[1]}`);
      if (/url\((?!#)/i.test(a[2]!)) problems.push(`external url in ${a[1]}`);
    }
    if (close) {
      if (stack.pop() !== name) problems.push(`</${name}> out of order`);
    } else if (!selfClose) stack.push(name!);
  }
  if (pos !== svg.length) problems.push(`unparsed from ${pos}: ${svg.slice(pos, pos + 40)}`);
  if (stack.length) problems.push(`unclosed: ${stack.join(',')}`);
  return problems;
}
