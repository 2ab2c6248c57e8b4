/** Small decorative icons, drawn inline (no icon font, no emoji: they must render offline everywhere). */
const common = { width: '16', height: '16', viewBox: '0 0 16 16', class: 'icon' };

export function CheckIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path
        d="M3 8.5l3.2 3L13 4.5"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function CircleIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

export function LockIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M5.2 7V5.2a2.8 2.8 0 015.6 0V7" fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
