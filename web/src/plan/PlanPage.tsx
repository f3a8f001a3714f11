/** /plan: plan backwards from serving time — what, how heavy, how hot the pit, when to eat → when to start. */
import { useId, useMemo, useState } from 'react';
import { describeError } from '../api/errors';
import { usePlanMutation } from './plannerApi';
import { formatDuration } from '../../../shared/cook/duration-text';
import { Link } from 'react-router';
import { presetGroups } from '../cooks/cookForm';
import { planStartLink } from '../cooks/planLink';
import { nowMs } from '../app/clock';
import { useNow } from '../devices/useNow';
import { useDisplay } from '../settings/useDisplay';
import { CUSTOM_TARGET, planBodyFrom, planSentence, weightUnitFor, type PlanFormErrors, type PlanFormValues } from './planForm';

/** Tomorrow's date as yyyy-mm-dd in the user's zone: dinner tomorrow is the usual plan for a long cook. */
function tomorrow(nowMs: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs + 86_400_000);
}

export default function PlanPage() {
  const display = useDisplay();
  const now = useNow();
  const plan = usePlanMutation();
  const id = useId();
  const timeZone = display.clock.timeZone;
  const groups = useMemo(() => presetGroups(display.units), [display.units]);
  const [values, setValues] = useState<PlanFormValues>(() => ({
    choice: 'brisket',
    target: '',
    weight: '',
    pitTemp: display.units === 'F' ? '250' : '120',
    serveDate: tomorrow(nowMs(), timeZone),
    serveTime: '18:00',
  }));
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const set = (field: keyof PlanFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const invalid = (field: keyof PlanFormValues) => ({ 'aria-invalid': errors[field] !== undefined, 'aria-describedby': errors[field] !== undefined ? `${id}-${field}-error` : undefined });
  const fieldError = (field: keyof PlanFormValues) =>
    errors[field] !== undefined && (
      <p id={`${id}-${field}-error`} className="form-error">
        {errors[field]}
      </p>
    );
  const unit = `°${display.units}`;

  return (
    <main className="page page--medium">
      <h1>Plan a cook</h1>
      <section className="card plan" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="visually-hidden">
          When to start
        </h2>
        <form
          className="plan__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const checked = planBodyFrom(values, display.units, timeZone, nowMs());
            if ('errors' in checked) return setErrors(checked.errors);
            setErrors({});
            plan.mutate(checked.body);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-choice`}>Cooking</label>
            <select id={`${id}-choice`} value={values.choice} onChange={set('choice')} {...invalid('choice')}>
              {groups.map((group) => (
                <optgroup key={group.meat} label={group.label}>
                  {group.options.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.text}
                    </option>
                  ))}
                </optgroup>
              ))}
              <option value={CUSTOM_TARGET}>Custom target…</option>
            </select>
            {fieldError('choice')}
          </div>
          {values.choice === CUSTOM_TARGET && (
            <div className="field">
              <label htmlFor={`${id}-target`}>Target ({unit})</label>
              <input id={`${id}-target`} inputMode="decimal" value={values.target} onChange={set('target')} {...invalid('target')} />
              {fieldError('target')}
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-weight`}>Weight ({weightUnitFor(display.units)}, optional)</label>
            <input id={`${id}-weight`} inputMode="decimal" value={values.weight} onChange={set('weight')} {...invalid('weight')} />
            {fieldError('weight')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-pit`}>Pit temperature ({unit})</label>
            <input id={`${id}-pit`} inputMode="decimal" value={values.pitTemp} onChange={set('pitTemp')} {...invalid('pitTemp')} />
            {fieldError('pitTemp')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>Eat on</label>
            <input id={`${id}-date`} type="date" value={values.serveDate} onChange={set('serveDate')} {...invalid('serveDate')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>At</label>
            <input id={`${id}-time`} type="time" value={values.serveTime} onChange={set('serveTime')} {...invalid('serveDate')} />
            {fieldError('serveDate')}
          </div>
          <button type="submit" className="button button--primary" disabled={plan.isPending}>
            Plan it
          </button>
        </form>
        <div role="status" aria-live="polite" data-testid="plan-answer">
          {plan.isPending && <p>Planning…</p>}
          {plan.data !== undefined && !plan.isPending && (
            <>
              <p className="plan__answer">{planSentence(plan.data, now, display.clock)}</p>
              <p className="muted">
                About {formatDuration(plan.data.cookHours.mid)} on the smoker (80 %: {formatDuration(plan.data.cookHours.low)}–{formatDuration(plan.data.cookHours.high)}), pulled at{' '}
                {Math.round(plan.data.pullAt)} {unit}.
              </p>
              {plan.data.basedOn !== null && <p className="muted">{plan.data.basedOn}</p>}
              {plan.variables?.presetId !== undefined && (
                <Link className="button" to={planStartLink({ presetId: plan.variables.presetId, serveAt: plan.data.serveAt })}>
                  Start this cook
                </Link>
              )}
            </>
          )}
        </div>
        <p className="form-error" role="alert">
          {plan.error !== null ? describeError(plan.error) : null}
        </p>
      </section>
    </main>
  );
}
