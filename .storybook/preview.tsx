import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/react/src/styles.css';

/** Story parameters read by the frame decorator. */
interface FrameParameters {
  /** Width of the container the widget sits in, in px; default 360. */
  readonly width?: number | string;
  /** Paint the page as a dark host would. */
  readonly dark?: boolean;
}

// Each story sits in a container of a given width on a host-like page, so
// narrow, wide and dark states are shown as a host would show them.
const withFrame: Decorator = (Story, context) => {
  const frame = (context.parameters['frame'] ?? {}) as FrameParameters;
  return (
    <div
      className="story-page"
      data-dark={frame.dark ? 'true' : 'false'}
      style={{
        minHeight: '100vh',
        boxSizing: 'border-box',
        padding: 24,
        background: frame.dark ? '#0b0c0f' : '#f3f4f6',
      }}
    >
      <div className="story-frame" style={{ width: frame.width ?? 360, maxWidth: '100%' }}>
        <Story />
      </div>
    </div>
  );
};

const preview: Preview = {
  decorators: [withFrame],
  parameters: {
    layout: 'fullscreen',
    // A violation of axe fails the story's test.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
