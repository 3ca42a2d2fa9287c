import type { ReactNode } from 'react';

/** The frame of the pages a person opens before they can sign in. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        background: '#f4f6f6',
        padding: '3rem 1rem',
        boxSizing: 'border-box',
        fontFamily: 'system-ui, sans-serif',
      }}
    >
      <section
        style={{
          width: '100%',
          maxWidth: 480,
          background: '#ffffff',
          borderRadius: 8,
          padding: '2rem',
          boxShadow: '0 1px 4px rgba(0, 0, 0, 0.12)',
          lineHeight: 1.5,
        }}
      >
        <p style={{ margin: 0, color: '#2f5d62', fontWeight: 600 }}>IV Ketamine Support</p>
        <h1 style={{ fontSize: '1.5rem', margin: '0.5rem 0 1rem' }}>{title}</h1>
        {children}
      </section>
    </main>
  );
}

export const SIGN_IN_PATH = '/login';
