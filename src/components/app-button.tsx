import type { ReactNode } from 'react';
import { Button } from '@nutui/nutui-react-taro';

export interface AppButtonProps {
  children: ReactNode;
  onClick?: () => void;
  /** Stable hook for browser tests goes here, e.g. `e2e-submit-register`. */
  className?: string;
  id?: string;
  type?: 'primary' | 'default' | 'danger' | 'success';
  fill?: 'solid' | 'outline' | 'none';
  size?: 'large' | 'normal' | 'small' | 'mini';
  block?: boolean;
  loading?: boolean;
  disabled?: boolean;
}

/** The app's button (NutUI underneath, so it can be swapped in one place). */
export function AppButton({ children, onClick, className, id, type = 'default', fill, size = 'normal', block, loading, disabled }: AppButtonProps) {
  return (
    <Button
      id={id}
      className={className}
      type={type}
      fill={fill}
      size={size}
      block={block}
      loading={loading}
      disabled={disabled || loading}
      onClick={() => onClick?.()}
    >
      {children}
    </Button>
  );
}
