import { startTransition, type FormEvent } from "react";

/**
 * Dispatch a form's action without React's automatic form reset: after `<form action>` completes,
 * React resets the form's DOM, which shows controlled <select>s at their first option while their
 * state still holds the chosen value. The pressed button's name/value travels as with a native submit.
 */
export function submitWithoutReset(dispatch: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  };
}
