const MOODS = Array.from({ length: 10 }, (_, index) => index + 1);

/**
 * Mood from 1 to 10 as real radio buttons, so a keyboard, a switch or a screen reader uses it
 * like any other question; "Not now" leaves it out.
 */
export function MoodPicker({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (mood: number | null) => void;
  error?: string | undefined;
}) {
  return (
    <div className={error === undefined ? 'form-group' : 'form-group form-group--error'}>
      <fieldset className="fieldset" aria-describedby="mood-hint">
        <legend className="legend">Mood (optional)</legend>
        <div className="hint" id="mood-hint">
          1 is the lowest you have felt, 10 the best.
        </div>
        {error !== undefined && (
          <p className="error-message" id="mood-error">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        )}
        <div className="mood-scale">
          {MOODS.map((mood) => (
            <label className="mood-scale__item" key={mood}>
              <input
                type="radio"
                name="mood"
                id={mood === 1 ? 'mood' : undefined}
                className="mood-scale__input"
                value={mood}
                checked={value === mood}
                onChange={() => onChange(mood)}
              />
              <span className="mood-scale__label">{mood}</span>
            </label>
          ))}
          <label className="mood-scale__item mood-scale__item--none">
            <input
              type="radio"
              name="mood"
              className="mood-scale__input"
              value=""
              checked={value === null}
              onChange={() => onChange(null)}
            />
            <span className="mood-scale__label">Not now</span>
          </label>
        </div>
      </fieldset>
    </div>
  );
}
