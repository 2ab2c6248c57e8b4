import type {
  CourseDecision,
  CourseDecisionInput,
  CourseEarningsList,
  CourseEditor,
  CoursePatch,
  CourseReviewList,
  CourseStudentList,
  EditorCourse,
  EditorSection,
  LessonInput,
  LessonPatch,
  ReorderInput,
  TeachingBundleList,
  TeachingOverview,
} from '../../../../edge/api-types.ts';
import type { Api } from '../../lib/api.ts';

/** The instructor side's API (/api/teach/...) and the admin's course review queue. */

const seg = encodeURIComponent;
type Curriculum = { sections: EditorSection[] };

export function teachApi(api: Api) {
  const send = <T>(method: 'PATCH' | 'DELETE' | 'PUT', path: string, body?: unknown) =>
    api.send<T>(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    overview: () => api.getJson<TeachingOverview>('/api/teach/overview'),
    earnings: () => api.getJson<CourseEarningsList>('/api/teach/earnings'),
    createCourse: (title: string, categoryId: string | null) =>
      api.postJson<EditorCourse>('/api/teach/courses', { title, categoryId }),
    editor: (id: string) => api.getJson<CourseEditor>(`/api/teach/courses/${seg(id)}/editor`),
    patchCourse: (id: string, patch: CoursePatch) =>
      send<EditorCourse>('PATCH', `/api/teach/courses/${seg(id)}`, patch),
    submit: (id: string) => api.postJson<CourseEditor>(`/api/teach/courses/${seg(id)}/submit`),
    withdraw: (id: string) => api.postJson<CourseEditor>(`/api/teach/courses/${seg(id)}/withdraw`),
    addSection: (courseId: string, title: string) =>
      api.postJson<Curriculum & { id: string }>(`/api/teach/courses/${seg(courseId)}/sections`, { title }),
    renameSection: (id: string, title: string) =>
      send<Curriculum>('PATCH', `/api/teach/sections/${seg(id)}`, { title }),
    deleteSection: (id: string) => send<Curriculum>('DELETE', `/api/teach/sections/${seg(id)}`),
    addLesson: (sectionId: string, lesson: LessonInput) =>
      api.postJson<Curriculum & { id: string }>(`/api/teach/sections/${seg(sectionId)}/lessons`, lesson),
    updateLesson: (id: string, patch: LessonPatch) => send<Curriculum>('PATCH', `/api/teach/lessons/${seg(id)}`, patch),
    deleteLesson: (id: string) => send<Curriculum>('DELETE', `/api/teach/lessons/${seg(id)}`),
    reorder: (courseId: string, order: ReorderInput) =>
      api.postJson<Curriculum>(`/api/teach/courses/${seg(courseId)}/reorder`, order),
    students: (courseId: string, page: number) =>
      api.getJson<CourseStudentList>(`/api/teach/courses/${seg(courseId)}/students?page=${page}`),
    bundles: (courseId: string) => api.getJson<TeachingBundleList>(`/api/teach/courses/${seg(courseId)}/bundles`),
    setBundles: (courseId: string, bundleIds: string[]) =>
      send<TeachingBundleList>('PUT', `/api/teach/courses/${seg(courseId)}/bundles`, { bundleIds }),
    reviewQueue: () => api.getJson<CourseReviewList>('/api/admin/course-reviews'),
    decide: (courseId: string, decision: CourseDecisionInput) =>
      api.postJson<CourseDecision>(`/api/admin/courses/${seg(courseId)}/decision`, decision),
  };
}

export type TeachApi = ReturnType<typeof teachApi>;
