import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { Categories } from '../../components/admin/blog/Categories.tsx';
import { PostList } from '../../components/admin/blog/PostList.tsx';
import { Subscribers } from '../../components/admin/blog/Subscribers.tsx';
import { useList } from '../../components/admin/use-list.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { blogApi } from '../../lib/blog-api.ts';
import { useApp } from '../../lib/context.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/blog.css';

/** /admin/blog: the posts (editor with live preview, cover, schedule), categories and newsletter subscribers. */
export default function AdminBlogPage() {
  usePageTitle(() => 'Blog');
  const { api } = useApp();
  const blog = blogApi(api);
  const categories = useList(() => blog.adminCategories());
  const items = () => {
    const r = categories.data();
    return r?.ok ? r.value.items : [];
  };
  return (
    <RequireAuth>
      <AdminGate title="Blog" class="container section admin admin-blog">
        <nav aria-label="On this page">
          <a href="#posts">Posts</a> · <a href="#categories">Categories</a> · <a href="#subscribers">Subscribers</a>
        </nav>
        <PostList blog={blog} categories={items} />
        <Categories blog={blog} items={items()} onChanged={categories.reload} />
        <Subscribers blog={blog} />
      </AdminGate>
    </RequireAuth>
  );
}
