/** Small preferences that are not records: window bounds (later, wizard progress). */
import Store from 'electron-store';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface PreferenceValues {
  windowBounds: WindowBounds | null;
}

export interface Preferences {
  windowBounds(): WindowBounds | null;
  setWindowBounds(bounds: WindowBounds): void;
}

export function createPreferences(): Preferences {
  const store = new Store<PreferenceValues>({
    name: 'preferences',
    defaults: { windowBounds: null },
    schema: {
      windowBounds: {
        type: ['object', 'null'],
        properties: {
          x: { type: 'number' },
          y: { type: 'number' },
          width: { type: 'number', minimum: 400 },
          height: { type: 'number', minimum: 300 },
          maximized: { type: 'boolean' },
        },
        required: ['width', 'height', 'maximized'],
      },
    },
    clearInvalidConfig: true,
  });
  return {
    windowBounds: () => store.get('windowBounds'),
    setWindowBounds: (bounds) => store.set('windowBounds', bounds),
  };
}
