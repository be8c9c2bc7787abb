import type { AssignmentOutcome } from '../../../../shared/domain/agents';
import { ErrorNotice } from '../../components/ErrorNotice';
import { jobSize, useAssignmentJob, type AssignmentJob } from './use-assignment-job';
import { countOf, formatPhoneNumber } from '../../lib/format';
import { describeDone, describeFailed, describeRunningJob, noteText, problemText } from './assignment-text';
import { ASSIGNMENT_JOB_STATUS_ID, useAssignmentActions } from './use-assignment-actions';
import './assignments.css';

/**
 * The one progress and outcome panel for assignment jobs, on the Agents and
 * Phone Numbers screens alike: a progress bar with Cancel while the job
 * runs, then every number that failed (with why) or was not started, and
 * "Retry failed", until dismissed.
 */
export function AssignmentJobStatus() {
  const { job, cancel, retryFailed, dismiss } = useAssignmentJob();
  if (!job) return null;
  return job.running ? (
    <RunningJob job={job} cancelAssignments={cancel} />
  ) : (
    <FinishedJob job={job} retry={retryFailed} dismiss={dismiss} />
  );
}

function RunningJob({ job, cancelAssignments }: { job: AssignmentJob; cancelAssignments: () => void }) {
  const total = job.progress?.total ?? jobSize(job.request);
  const failed = job.progress?.failed ?? 0;
  const finished = Math.min(total, job.progress?.done ?? 0);
  const summary = `${finished.toLocaleString()} of ${countOf(total, 'number')} finished${
    failed > 0 ? `, ${failed.toLocaleString()} failed` : ''
  }`;
  const percent = total > 0 ? (finished / total) * 100 : 0;

  return (
    <section
      id={ASSIGNMENT_JOB_STATUS_ID}
      className="job-status"
      aria-labelledby={`${ASSIGNMENT_JOB_STATUS_ID}-title`}
      aria-busy="true"
    >
      <p id={`${ASSIGNMENT_JOB_STATUS_ID}-title`} className="job-title">
        {describeRunningJob(job.request, total)}
      </p>
      <div className="job-progress">
        <div
          role="progressbar"
          aria-label="Assignment progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={finished}
          aria-valuetext={summary}
          className="job-bar"
        >
          <div className="job-bar-fill" style={{ width: `${percent}%` }} />
        </div>
        <button type="button" className="button" disabled={job.cancelling} onClick={cancelAssignments}>
          {job.cancelling ? 'Cancelling…' : 'Cancel remaining'}
        </button>
      </div>
      <p role="status" className="job-count">
        {summary}
        {job.cancelling && '. Numbers Gleam has already started on finish first; the rest are left as they are.'}
      </p>
      {job.cancelError && <ErrorNotice error={job.cancelError} />}
    </section>
  );
}

function OutcomeList({ outcomes, showError }: { outcomes: AssignmentOutcome[]; showError: boolean }) {
  return (
    <ul className="job-outcomes">
      {outcomes.map((outcome) => (
        <li key={outcome.numberSid}>
          <data value={outcome.phoneNumber} className="job-number">
            {formatPhoneNumber(outcome.phoneNumber)}
          </data>
          {showError && <> — {outcome.error ? problemText(outcome.error) : 'Twilio gave no reason.'}</>}
          {!showError && outcome.note && <> — {noteText(outcome.note)}</>}
        </li>
      ))}
    </ul>
  );
}

function FinishedJob({ job, retry, dismiss }: { job: AssignmentJob; retry: () => void; dismiss: () => void }) {
  const actions = useAssignmentActions();
  const { request, result, error, deleted } = job;
  const outcomes = result?.outcomes ?? [];
  const done = outcomes.filter((outcome) => outcome.outcome === 'done');
  const failed = outcomes.filter((outcome) => outcome.outcome === 'failed');
  const cancelled = outcomes.filter((outcome) => outcome.outcome === 'cancelled');
  const noted = done.filter((outcome) => outcome.note !== null);
  const incomplete = error !== null || failed.length > 0 || cancelled.length > 0 || deleted === false;
  const titleId = `${ASSIGNMENT_JOB_STATUS_ID}-title`;

  return (
    <section
      id={ASSIGNMENT_JOB_STATUS_ID}
      className={incomplete ? 'job-status job-status-incomplete' : 'job-status job-status-done'}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="job-title">
        {incomplete ? 'Not everything went through' : 'Done'}
      </h2>
      {result && (done.length > 0 || request.kind === 'delete-agent') && (
        <p role="status">{describeDone(request, done.length, deleted)}</p>
      )}
      {noted.length > 0 && <OutcomeList outcomes={noted} showError={false} />}
      {failed.length > 0 && (
        <div role="alert" className="job-failures">
          <p>
            <strong>{describeFailed(request, failed.length)}</strong>
          </p>
          <OutcomeList outcomes={failed} showError />
        </div>
      )}
      {cancelled.length > 0 && (
        <div className="job-cancelled">
          <p>
            <strong>Not started, because you cancelled ({countOf(cancelled.length, 'number')}):</strong> they are left
            as they were.
          </p>
          <OutcomeList outcomes={cancelled} showError={false} />
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        {incomplete && (
          <button
            type="button"
            className="button button-primary"
            disabled={actions.blocked}
            aria-describedby={actions.describedBy}
            onClick={retry}
          >
            {error ? 'Try again' : 'Retry failed'}
          </button>
        )}
        <button type="button" className="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
