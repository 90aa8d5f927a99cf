/** A strict little XML reader for the tests of JUnit reports (tapes, training). */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** A strict little XML reader: declaration, nested elements, quoted attributes, the five entities. */
export function parseXml(xml: string): XmlNode {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`XML: ${what} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const text = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(s) || s.includes('<')) fail('bad character data');
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const skip = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  function element(): XmlNode {
    skip();
    const open = /^<([A-Za-z_][\w.-]*)/.exec(xml.slice(i)) ?? fail('expected an element');
    i += open[0].length;
    const node: XmlNode = { name: open[1] as string, attrs: {}, children: [] };
    for (;;) {
      skip();
      if (xml.startsWith('/>', i)) return (i += 2), node;
      if (xml[i] === '>') break;
      const attr = /^([A-Za-z_][\w.-]*)="([^"]*)"/.exec(xml.slice(i)) ?? fail('expected an attribute');
      if (attr[1] as string in node.attrs) fail('duplicate attribute');
      node.attrs[attr[1] as string] = text(attr[2] as string);
      i += attr[0].length;
    }
    i++;
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail('unclosed element');
      text(xml.slice(i, next));
      i = next;
      if (xml.startsWith(`</${node.name}>`, i)) return (i += node.name.length + 3), node;
      if (xml.startsWith('</', i)) fail(`mismatched close of ${node.name}`);
      node.children.push(element());
    }
  }
  const root = element();
  skip();
  if (i !== xml.length) fail('content after the root element');
  return root;
}
