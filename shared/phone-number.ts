/**
 * "(415) 555-0100" for US and Canadian numbers (+1 and ten digits). Other
 * countries group digits differently enough that a wrong guess reads worse
 * than the international form, so they stay as Twilio sends them. Main uses
 * it too: it is the name Twilio gives a number nobody named.
 */
export function formatPhoneNumber(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (!nanp) return e164;
  const [, area, exchange, line] = nanp;
  return `(${area}) ${exchange}-${line}`;
}
