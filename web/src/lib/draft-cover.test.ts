import { describe, expect, it } from 'vitest';
import { courseMediaPath } from './draft-cover.ts';

const id = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('courseMediaPath', () => {
  it('finds the course-media object behind every storage route, absolute or a site path', () => {
    expect(courseMediaPath(`/storage/v1/object/course-media/${id}/public/thumb-k1-{w}.webp`)).toBe(
      `${id}/public/thumb-k1-{w}.webp`,
    );
    expect(courseMediaPath(`https://proj.example/storage/v1/object/public/course-media/${id}/public/a.png`)).toBe(
      `${id}/public/a.png`,
    );
    expect(courseMediaPath(`http://localhost:8787/storage/v1/object/authenticated/course-media/${id}/x/b.jpg`)).toBe(
      `${id}/x/b.jpg`,
    );
    // A project behind a path prefix, a cache-busting query, encoded characters.
    expect(courseMediaPath(`/api/sb/storage/v1/object/course-media/${id}/public/cover.svg?v=0123456789ab`)).toBe(
      `${id}/public/cover.svg`,
    );
    expect(courseMediaPath(`/storage/v1/object/course-media/${id}/public/my%20pic%7Bw%7D.webp`)).toBe(
      `${id}/public/my pic{w}.webp`,
    );
    expect(courseMediaPath(`  /storage/v1/object/course-media/${id.toUpperCase()}/public/a.png `)).toBe(
      `${id.toUpperCase()}/public/a.png`,
    );
  });

  it('gives null for other buckets, routes, schemes and unsafe paths', () => {
    for (const url of [
      '',
      '/cover.webp',
      'https://cdn.example/a.png',
      `/storage/v1/object/avatars/${id}/a.png`,
      `/storage/v1/object/sign/course-media/${id}/a.png?token=x`,
      `/storage/v1/object/course-media/not-a-course/public/a.png`,
      `/storage/v1/object/course-media/${id}`,
      `/storage/v1/object/course-media/${id}/`,
      `/storage/v1/object/course-media/${id}//a.png`,
      `/storage/v1/object/course-media/${id}/public/%2e%2e/x.png`,
      `/storage/v1/object/course-media/${id}/public/a%2Fb.png`,
      `/storage/v1/object/course-media/${id}/public/%E0%A4%A.png`,
      `//evil.example/storage/v1/object/course-media/${id}/a.png`,
      `javascript:alert(1)//storage/v1/object/course-media/${id}/a.png`,
      `data:text/html,/storage/v1/object/course-media/${id}/a.png`,
      `/storage/v1/object/course-media\\${id}/a.png`,
    ]) {
      expect(courseMediaPath(url), url).toBeNull();
    }
  });
});
