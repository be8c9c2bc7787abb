import { useEffect, useId, useRef } from 'react';
import type { DoctorCheck, DoctorCheckStatus, DoctorRemedy } from '../../../../shared/domain/doctor';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon, type IconName } from '../../components/icons';
import type { DoctorTarget } from '../../store/dialogs-slice';
import { useAppStore } from '../../store/store-context';
import { formatPhoneNumber, formatRelativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import {
  blockedReasonText,
  DOCTOR_CHECK_TITLES,
  findingText,
  fixErrorText,
  FIXING_TEXT,
  remedyLabel,
  statusLabel,
  summarizeReport,
} from './doctor-text';
import { useDoctor, type Doctor } from './use-doctor';
import './doctor.css';

const STATUS_ICON: Record<DoctorCheckStatus, IconName> = {
  pass: 'check',
  fail: 'alert',
  warning: 'alert',
  unknown: 'help',
};

/** "Why isn't this number working?" for the number the doctor was opened on, whichever screen opened it. */
export function DoctorDialog({ fallbackFocus }: { fallbackFocus: () => HTMLElement | null }) {
  const target = useAppStore((state) => state.doctor);
  return target ? <OpenDoctorDialog key={target.key} target={target} fallbackFocus={fallbackFocus} /> : null;
}

function OpenDoctorDialog({
  target,
  fallbackFocus,
}: {
  target: DoctorTarget;
  fallbackFocus: () => HTMLElement | null;
}) {
  const doctor = useDoctor(target);
  const { close, recheck } = doctor;
  const closeRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const formatted = formatPhoneNumber(target.phoneNumber);
  const fixing = doctor.fixing !== null;
  const busy = doctor.checking || fixing;

  // The button that started a fix is often gone once it worked: focus goes to what happened, not to the page.
  const wasFixing = useRef(false);
  useEffect(() => {
    if (fixing) wasFixing.current = true;
    else if (wasFixing.current) {
      wasFixing.current = false;
      summaryRef.current?.focus();
    }
  }, [fixing]);

  const summary = doctor.fixing
    ? FIXING_TEXT[doctor.fixing]
    : doctor.checking
      ? doctor.report
        ? 'Checking again…'
        : 'Checking this number…'
      : doctor.report
        ? summarizeReport(doctor.report)
        : '';

  return (
    <Dialog
      title={`Why isn't ${formatted} working?`}
      onCancel={close}
      busy={fixing}
      fallbackFocus={fallbackFocus}
      initialFocus={closeRef}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={recheck} disabled={busy}>
            Check again
          </button>
          <button ref={closeRef} type="button" className="button button-primary" onClick={close} disabled={fixing}>
            Close
          </button>
        </>
      }
    >
      <p ref={summaryRef} tabIndex={-1} className="doctor-summary" role="status" aria-busy={busy}>
        {summary}
      </p>
      {doctor.error && <ErrorNotice error={doctor.error} />}
      {doctor.fixError && (
        <div className="notice notice-error" role="alert">
          <div className="notice-title">
            <Icon name="alert" />
            <strong>The fix did not work: {fixErrorText(doctor.fixError)}</strong>
          </div>
        </div>
      )}
      {doctor.report && (
        <ul className="doctor-checks" aria-label="Checks" aria-busy={busy}>
          {doctor.report.checks.map((check) => (
            <CheckItem key={check.id} check={check} busy={busy} doctor={doctor} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function CheckItem({ check, busy, doctor }: { check: DoctorCheck; busy: boolean; doctor: Doctor }) {
  const titleId = useId();
  const words = findingText(check.finding);
  return (
    <li className={`doctor-check doctor-check-${check.status}`} aria-labelledby={titleId}>
      <div className="doctor-check-head">
        <span className={`doctor-status doctor-status-${check.status}`}>
          <Icon name={STATUS_ICON[check.status]} size={14} />
          {statusLabel(check)}
        </span>
        <h3 id={titleId} className="doctor-check-title">
          {DOCTOR_CHECK_TITLES[check.id]}
        </h3>
      </div>
      <p className="doctor-message">{words.message}</p>
      {words.details.length > 0 && (
        <ul className="doctor-details">
          {words.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {check.asOf && <AsOf iso={check.asOf} />}
      {check.remedies.length > 0 && (
        <div className="doctor-remedies">
          {check.remedies.map((remedy) => {
            const label = remedyLabel(remedy, words);
            return <Remedy key={`${remedy.kind}:${label}`} remedy={remedy} label={label} busy={busy} doctor={doctor} />;
          })}
        </div>
      )}
    </li>
  );
}

function AsOf({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <p className="doctor-as-of">
      From Gleam’s saved copy (<time dateTime={iso}>{formatRelativeTime(iso, now)}</time>).
    </p>
  );
}

function Remedy({
  remedy,
  label,
  busy,
  doctor,
}: {
  remedy: DoctorRemedy;
  label: string;
  busy: boolean;
  doctor: Doctor;
}) {
  const reasonId = useId();

  switch (remedy.kind) {
    case 'fix':
    case 'assign': {
      const act = remedy.kind === 'fix' ? () => doctor.fix(remedy.fix) : doctor.assign;
      const blocked = remedy.blockedReason !== null;
      return (
        <span className="doctor-remedy">
          <button
            type="button"
            className="button button-small button-primary"
            onClick={act}
            disabled={busy || blocked}
            aria-describedby={blocked ? reasonId : undefined}
          >
            {label}
          </button>
          {remedy.blockedReason !== null && (
            <span id={reasonId} className="doctor-blocked">
              {blockedReasonText(remedy.blockedReason)}
            </span>
          )}
        </span>
      );
    }
    case 'open-settings':
      return (
        <button type="button" className="button button-small" disabled={busy} onClick={doctor.openSettings}>
          {label}
        </button>
      );
    case 'console':
      return (
        <a className="doctor-console-link" href={remedy.url} target="_blank" rel="noreferrer">
          {label} <span className="visually-hidden">(opens in your browser)</span>
        </a>
      );
  }
}
