// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_HINT } from './demoHint';
import { LoginForm } from './LoginForm';

afterEach(cleanup);

const form = (onSubmit = vi.fn()) => {
  render(<LoginForm onSubmit={onSubmit} busy={false} error={null} notice={null} demoHint={DEMO_HINT} />);
  return onSubmit;
};

describe('LoginForm', () => {
  it('marks only the empty field, with its own message, and sends nothing', () => {
    const onSubmit = form();
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'demo@pitwatch.local' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(password.getAttribute('aria-describedby')!)?.textContent).toBe('Enter your password.');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByLabelText('Email').getAttribute('aria-describedby')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says when the email is not an address, and clears a message as the field is corrected', () => {
    const onSubmit = form();
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'demo' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pitwatch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText(/Enter a valid email address/)).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('false');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'demo@pitwatch.local ' } });
    expect(screen.queryByText(/Enter a valid email address/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith('demo@pitwatch.local', 'pitwatch');
  });

  it('names both demo accounts', () => {
    form();
    expect(screen.getByText(/demo@pitwatch\.local or guest@pitwatch\.local, password pitwatch/)).toBeTruthy();
  });
});
