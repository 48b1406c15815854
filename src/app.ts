import type { PropsWithChildren } from 'react';
import { initCloud } from '@/lib/cloud-init';
import './app.scss';

// Before any page asks a function for anything. Without an env id WeChat uses the project's default environment.
initCloud();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
