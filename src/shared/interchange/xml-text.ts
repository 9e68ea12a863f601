/** Text safe inside a double-quoted XML attribute: markup characters escaped, line breaks kept as character references. */
export function xmlAttr(value: string): string {
  return stripInvalidXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}

/** XML 1.0 forbids most control characters even as references; a pasted prompt may hold them. */
function stripInvalidXmlChars(value: string): string {
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

/** `<name a="1" b="2"/>` or, with children, an opening tag, the children indented, and the closing tag. */
export function xmlElement(name: string, attributes: Record<string, string | number>, children: string[] = [], indent = ''): string {
  const attrs = Object.entries(attributes).map(([key, value]) => ` ${key}="${xmlAttr(String(value))}"`).join('')
  if (children.length === 0) return `${indent}<${name}${attrs}/>`
  return `${indent}<${name}${attrs}>\n${children.join('\n')}\n${indent}</${name}>`
}
