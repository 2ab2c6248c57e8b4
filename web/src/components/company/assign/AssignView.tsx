import { Async } from '../../Async.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { AssignForm } from './AssignForm.tsx';
import { useLearningData } from './learning-data.ts';
import { UnassignPanel } from './UnassignPanel.tsx';
import '../../../styles/company-import.css';

/** /company/assignments: assign a course or bundle to a group or people; unassign current ones. */
export function AssignView() {
  const { data, retry } = useLearningData();
  return (
    <Async data={data} retry={retry} fallback={<SkeletonBlock height={14} label="Loading assignments…" />}>
      {(d) => (
        <>
          <AssignForm data={d()} />
          <UnassignPanel data={d()} />
        </>
      )}
    </Async>
  );
}
