/**
 * How main tells the renderer that something happened (progress, a changed
 * local copy), typed by the event contract. Services get it injected, so
 * none of them knows about Electron's windows.
 */
import type { EventName, EventPayload } from '../../../shared/ipc/events';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
