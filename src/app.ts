import type { PropsWithChildren } from 'react';
import { initCloud } from '@/lib/cloud-init';
import { applyCareMode } from '@/lib/care-mode';
import { watchPageAccessibility } from '@/lib/page-a11y';
import './app.scss';

// Before any page asks a function for anything. Without an env id WeChat uses the project's default environment.
initCloud();
// 关怀模式 before the first page draws, so it does not jump from small to large text.
applyCareMode();
watchPageAccessibility();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
