/**
 * Decimal strings as Twilio sends money ("20.00", "1.15", "-0.0085"),
 * compared, added and subtracted exactly: floating point would turn a $20.00
 * balance minus $1.15 into 18.849999….
 */

interface Scaled {
  units: bigint;
  scale: number;
}

function parse(amount: string): Scaled {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) throw new Error(`Not a decimal amount: ${amount}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Negative, zero or positive as a is less than, equal to or greater than b. */
export function compareMoney(a: string, b: string): number {
  const left = parse(a);
  const right = parse(b);
  const scale = Math.max(left.scale, right.scale);
  const difference = rescale(left, scale) - rescale(right, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** a + sign × b, with at least `minScale` decimals and as many as either operand has. */
function combine(a: string, b: string, sign: 1n | -1n, minScale: number): string {
  const left = parse(a);
  const right = parse(b);
  const scale = Math.max(minScale, left.scale, right.scale);
  return format(rescale(left, scale) + sign * rescale(right, scale), scale);
}

/** a − b, with at least two decimals (Twilio's balance format) and as many as either operand has. */
export function subtractMoney(a: string, b: string): string {
  return combine(a, b, -1n, 2);
}

/** a + b, formatted as subtractMoney formats. */
export function addMoney(a: string, b: string): string {
  return combine(a, b, 1n, 2);
}

/** a + b for quantities such as counts, which take no decimals of their own: "2" + "3" is "5". */
export function addQuantity(a: string, b: string): string {
  return combine(a, b, 1n, 0);
}

/** Whether an amount is zero, however it is written ("0", "0.00", "-0.000"). */
export function isZeroAmount(amount: string): boolean {
  return compareMoney(amount, '0') === 0;
}
