import { useAppStore } from '../../store/store-context';
import type { NumbersNotice as Notice } from '../../store/choices-slice';
import { formatPhoneNumber, formatPrice } from '../../lib/format';

function describe(notice: Notice): string {
  const number = formatPhoneNumber(notice.phoneNumber);
  if (notice.kind === 'bought') {
    const price = notice.monthlyPrice ? `${formatPrice(notice.monthlyPrice)} a month` : 'its monthly price';
    return `You bought ${number}. Twilio bills ${price} to your Twilio account until you release it.`;
  }
  return notice.alreadyReleased
    ? `${number} had already been released in Twilio, so Gleam removed it from the list.`
    : `${number} was released and has gone back to Twilio.`;
}

/** The confirmation after a purchase or a release. */
export function NumbersNotice() {
  const notice = useAppStore((state) => state.numbersNotice);
  const showNotice = useAppStore((state) => state.showNumbersNotice);
  const dismiss = () => showNotice(null);
  return (
    // The live region stays in the page so the message is announced when it appears.
    <div role="status" className="numbers-notice-region">
      {notice && (
        <p className="notice notice-success">
          {describe(notice)}{' '}
          <button type="button" className="link-button" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
