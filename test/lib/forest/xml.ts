/**
 * A tiny XML tokenizer for tests: checks well-formedness (balanced tags, quoted and unique
 * attributes, valid entity references, one root) and lists the elements with their attributes.
 * Not a full XML parser: no DTDs, no namespaces checks; enough to catch a broken or injected SVG.
 */

/** One element: its name, raw (still escaped) attribute values and raw direct text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  parent: XmlElement | null;
}

/** What `parseXml` found: errors (empty when well-formed) and the elements in document order. */
export interface XmlResult {
  errors: string[];
  elements: XmlElement[];
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTR = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function checkRefs(s: string, where: string, errors: string[]): void {
  for (let i = s.indexOf('&'); i !== -1; i = s.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(s)) errors.push(`bare "&" in ${where}: ${JSON.stringify(s.slice(i, i + 12))}`);
  }
}

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Tokenizes `xml`, reporting well-formedness errors and collecting elements. */
export function parseXml(xml: string): XmlResult {
  const errors: string[] = [];
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    checkRefs(text, 'text', errors);
    const top = stack.at(-1);
    if (top) top.text += text;
    else if (text.trim() !== '') errors.push(`text outside the root element: ${JSON.stringify(text.slice(0, 20))}`);
    if (lt === -1) break;
    const skipTo = (open: string, close: string): boolean => {
      if (!xml.startsWith(open, lt)) return false;
      const end = xml.indexOf(close, lt + open.length);
      if (end === -1) errors.push(`unterminated ${open}`);
      i = end === -1 ? xml.length : end + close.length;
      return true;
    };
    if (skipTo('<!--', '-->') || skipTo('<?', '?>') || skipTo('<![CDATA[', ']]>')) continue;
    if (xml.startsWith('</', lt)) {
      const m = sticky(CLOSE, xml, lt);
      if (!m) {
        errors.push(`malformed end tag at ${lt}`);
        break;
      }
      const open = stack.pop();
      if (!open || open.name !== m[1]) errors.push(`</${m[1]}> closes ${open ? `<${open.name}>` : 'nothing'}`);
      i = lt + m[0].length;
      continue;
    }
    const name = sticky(NAME, xml, lt + 1);
    if (!name) {
      errors.push(`bare "<" at ${lt}`);
      i = lt + 1;
      continue;
    }
    const el: XmlElement = { name: name[0], attrs: {}, text: '', parent: stack.at(-1) ?? null };
    let at = lt + 1 + name[0].length;
    for (let a = sticky(ATTR, xml, at); a; a = sticky(ATTR, xml, at)) {
      const key = a[1]!;
      const value = a[2] ?? a[3] ?? '';
      if (key in el.attrs) errors.push(`duplicate attribute ${key} on <${el.name}>`);
      checkRefs(value, `attribute ${key}`, errors);
      el.attrs[key] = value;
      at += a[0].length;
    }
    const end = sticky(TAG_END, xml, at);
    if (!end) {
      errors.push(`malformed start tag <${el.name}> at ${lt}: ${JSON.stringify(xml.slice(at, at + 20))}`);
      break;
    }
    if (stack.length === 0) roots += 1;
    elements.push(el);
    if (end[1] !== '/') stack.push(el);
    i = at + end[0].length;
  }
  if (stack.length > 0) errors.push(`unclosed: ${stack.map((e) => `<${e.name}>`).join(' ')}`);
  if (roots !== 1) errors.push(`expected one root element, found ${roots}`);
  return { errors, elements };
}

/** Decodes the five predefined entities and numeric references in raw XML text. */
export function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e in named) return named[e]!;
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}
