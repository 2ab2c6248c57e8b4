import type { ResolvedMaterial } from './materials.ts';

/** A PDF or slide deck shown in the page, with a link to download it. */
export function DocumentLesson(props: { title: string; doc: ResolvedMaterial }) {
  const kind = () => (props.doc.type === 'slides' ? 'Slides' : 'PDF');
  return (
    <div class="document-lesson">
      <iframe class="lesson-document" src={props.doc.href} title={`${kind()}: ${props.title}`} loading="lazy" />
      <p class="small">
        <a href={props.doc.href} download="" rel="noopener noreferrer">
          Download the {kind() === 'PDF' ? 'PDF' : 'slides'}
        </a>{' '}
        to read it offline or if it does not show above.
      </p>
    </div>
  );
}
