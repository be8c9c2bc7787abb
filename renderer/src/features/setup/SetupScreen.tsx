import { useCallback, useEffect, useRef } from 'react';
import {
  OPTIONAL_SETUP_STEPS,
  SETUP_STEP_IDS,
  type SetupStep,
  type SetupStepId,
} from '../../../../shared/domain/setup';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorDataOf } from '../../lib/errors';
import { useAgentList, useConnectionStatus, useNumberList } from '../../lib/query/reads';
import { AssignmentDialogs } from '../assignments/AssignmentDialogs';
import { SETUP_STEP_TEXT } from './setup-text';
import { SetupStepBody } from './SetupStepBody';
import { useSetupProgress, useSetupSteps } from './use-setup';
import './setup.css';

/**
 * The setup guide: connect Twilio, get a number, create an agent, assign
 * the number, and optionally text through a Messaging Service with A2P
 * registration. Each step is the real screen's own component, so what is
 * done here is done in the app. Which steps are done comes from main (the
 * app's real state); the step the person is on and what they skipped are
 * saved there too, so the guide reopens where it was left.
 */
export function SetupScreen() {
  const { data: progress, error: loadError, refetch } = useSetupProgress();
  const error = errorDataOf(loadError);
  const { goToStep, finish: finishSetup } = useSetupSteps();
  const { data: status } = useConnectionStatus();
  const { data: numbers } = useNumberList();
  const { data: agents } = useAgentList();
  const stepTitleRef = useRef<HTMLHeadingElement>(null);

  // Main works out which steps are done from the same state these hold: ask again whenever one changes.
  useEffect(() => {
    void refetch();
  }, [refetch, status, numbers, agents]);

  const current = progress?.current;
  const focusStep = useCallback(() => stepTitleRef.current, []);
  // A new step replaced the one whose button was pressed: its heading takes the focus, as a page would.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepTitleRef.current?.focus();
  }, [current]);

  if (!progress) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <h1 id="screen-title">Set up Gleam</h1>
        {error ? <ErrorNotice error={error} /> : <p role="status">Loading…</p>}
      </section>
    );
  }

  const step = progress.steps.find((candidate) => candidate.id === progress.current);
  if (!step) return null;
  const number = SETUP_STEP_IDS.indexOf(step.id) + 1;
  const isLast = number === SETUP_STEP_IDS.length;
  const text = SETUP_STEP_TEXT[step.id];

  return (
    <section className="screen setup-screen" aria-labelledby="screen-title">
      <div className="setup-header">
        <h1 id="screen-title" tabIndex={-1}>
          Set up Gleam
        </h1>
        <button type="button" className="link-button" onClick={() => void finishSetup()}>
          {progress.finished ? 'Close the guide' : 'Close the guide and finish later'}
        </button>
      </div>
      <p className="muted">
        A few steps from your own Twilio account to a phone number your agent answers. Come back to this guide any time
        from “Setup guide” in the sidebar.
      </p>
      {error && <ErrorNotice error={error} />}
      <div className="setup-layout">
        <nav aria-label="Setup steps">
          <ol className="setup-steps">
            {progress.steps.map((candidate, index) => (
              <li key={candidate.id}>
                <button
                  type="button"
                  className={candidate.id === step.id ? 'setup-step-link setup-step-link-current' : 'setup-step-link'}
                  aria-current={candidate.id === step.id ? 'step' : undefined}
                  onClick={() => void goToStep(candidate.id)}
                >
                  <span className={`setup-step-mark setup-step-mark-${markOf(candidate)}`} aria-hidden="true">
                    {candidate.done ? '✓' : index + 1}
                  </span>
                  <span className="setup-step-name">
                    {SETUP_STEP_TEXT[candidate.id].title}
                    <span className="setup-step-state">{stateWords(candidate)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <section className="card setup-step" aria-labelledby="setup-step-title">
          <h2 id="setup-step-title" ref={stepTitleRef} tabIndex={-1}>
            Step {number} of {SETUP_STEP_IDS.length}: {text.title}
          </h2>
          {step.done && (
            <p className="notice notice-success" role="status">
              {text.doneNote}
            </p>
          )}
          <SetupStepBody step={step.id} />
          <StepActions step={step} isLast={isLast} />
        </section>
      </div>
      <AssignmentDialogs fallbackFocus={focusStep} />
    </section>
  );
}

function markOf(step: SetupStep): 'done' | 'skipped' | 'todo' {
  if (step.done) return 'done';
  return step.skipped ? 'skipped' : 'todo';
}

function stateWords(step: SetupStep): string {
  if (step.done) return 'Done';
  if (step.skipped) return 'Skipped';
  return OPTIONAL_SETUP_STEPS.includes(step.id) ? 'Optional' : 'To do';
}

function StepActions({ step, isLast }: { step: SetupStep; isLast: boolean }) {
  const { goToStep, skipStep, completeStep } = useSetupSteps();
  const previous: SetupStepId | undefined = SETUP_STEP_IDS[SETUP_STEP_IDS.indexOf(step.id) - 1];
  const forward = isLast ? 'Finish' : 'Continue';

  return (
    <div className="form-actions setup-step-actions">
      {step.done ? (
        <button type="button" className="button button-primary" onClick={() => void completeStep(step.id)}>
          {forward}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void skipStep(step.id)}>
          {isLast ? 'Skip and finish' : 'Skip this step'}
        </button>
      )}
      {previous && (
        <button type="button" className="button" onClick={() => void goToStep(previous)}>
          Back
        </button>
      )}
    </div>
  );
}
