import { ConnectInputSchema, type ConnectInput } from '../../../../shared/ipc/contract';
import { TextField } from '../../components/TextField';
import { FormFooter } from '../../components/FormFooter';
import { useConnectionActions } from './use-connection';
import { useSchemaForm } from '../../lib/use-schema-form';

const EMPTY: ConnectInput = { accountSid: '', authToken: '', messagingServiceSid: '' };

const FIELDS = [
  {
    name: 'accountSid',
    label: 'Account SID',
    placeholder: 'AC…',
    help: 'On the Twilio Console dashboard, under Account Info.',
  },
  {
    name: 'authToken',
    label: 'Auth Token',
    secret: true,
    help: 'Next to the Account SID. Click the eye icon in the Console to show it. Gleam keeps it encrypted on this computer.',
  },
  {
    name: 'messagingServiceSid',
    label: 'Messaging Service SID (optional)',
    placeholder: 'MG…',
    help: 'Only if you send SMS through a Twilio Messaging Service (Messaging → Services in the Console).',
  },
] as const;

/** An empty SID or token says what to enter; a malformed one, the rule it breaks. */
const REQUIRED = { accountSid: 'Enter your Account SID.', authToken: 'Enter your Auth Token.' };

/** Account SID, Auth Token, optional Messaging Service SID → Save Configuration. */
export function CredentialsForm({ onCancel }: { onCancel?: () => void }) {
  const connection = useConnectionActions();
  const { connect, busy, dismissError } = connection;
  const error = connection.errorOf === 'connect' ? connection.error : null;
  const saving = busy === 'connect';
  const form = useSchemaForm({
    schema: ConnectInputSchema,
    initial: EMPTY,
    required: REQUIRED,
    serverErrors: error?.fieldErrors ?? {},
    onValid: async (credentials) => {
      if (await connect(credentials)) {
        form.reset();
        onCancel?.();
      }
    },
  });

  return (
    <form className="form" noValidate onSubmit={form.submit} aria-label="Twilio credentials">
      {FIELDS.map(({ name, ...shown }) => (
        <TextField key={name} {...shown} {...form.field(name)} value={form.draft[name] ?? ''} disabled={saving} />
      ))}
      <FormFooter
        request={{ saving, error, dismissError }}
        labels={['Save Configuration', 'Checking with Twilio…']}
        onCancel={onCancel}
      />
      {saving && (
        <p className="form-progress" role="status">
          Checking your credentials with Twilio…
        </p>
      )}
    </form>
  );
}
