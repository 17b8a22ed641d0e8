import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { NavBar } from 'antd-mobile';
import { useNavigate } from 'react-router';

/**
 * Back like the browser when there is an in-app page to return to (the home list keeps its tab
 * and search), else to `fallback` — a deep link or the return from the login page has no history.
 */
export function useGoBack() {
  const navigate = useNavigate();
  return useCallback(
    (fallback: string) => {
      const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
      if (index > 0) void navigate(-1);
      else void navigate(fallback, { replace: true });
    },
    [navigate],
  );
}

interface Props {
  title: ReactNode;
  /** Where the back arrow goes; none on the home screen. */
  backTo?: string;
  onBack?: () => void;
  right?: ReactNode;
  /** Sticky content under the title bar (tabs, search). */
  sub?: ReactNode;
  /** The sticky bottom action bar. */
  footer?: ReactNode;
  children: ReactNode;
}

export function MPage({ title, backTo, onBack, right, sub, footer, children }: Props) {
  const goBack = useGoBack();
  const back = onBack ?? (backTo ? () => goBack(backTo) : undefined);
  return (
    <div className="axm-page">
      <header className="axm-nav">
        <NavBar back={back ? '' : null} backIcon={back ? undefined : false} onBack={back} right={right}>
          {title}
        </NavBar>
      </header>
      {sub}
      <main className="axm-body">{children}</main>
      {footer && <footer className="axm-footer">{footer}</footer>}
    </div>
  );
}
