import { md } from './md.ts';
import type { CourseSeed } from './types.ts';

export const CLOUD_COURSES: CourseSeed[] = [
  {
    slug: 'git-and-github-workflow',
    title: 'Git & GitHub Workflow',
    subtitle: 'Version control for everyday work: commits, branches and pull requests.',
    description:
      'Git is how almost every software team tracks changes, and GitHub is where many of them collaborate. Yet ' +
      'many developers use a handful of memorised commands and panic when something goes wrong.\n\n' +
      'This free course builds a clear mental model of what Git actually stores, then covers the everyday ' +
      'workflow: staging and committing, branching and merging, working with remotes, opening and reviewing pull ' +
      'requests, and resolving merge conflicts calmly.',
    outcomes: [
      'Explain the working tree, staging area and commit history',
      'Write focused commits with useful messages',
      'Create, merge and delete branches',
      'Collaborate through pull requests and code review on GitHub',
      'Resolve merge conflicts and undo common mistakes safely',
    ],
    prerequisites: ['Basic use of a terminal', 'Git installed on your computer'],
    tags: ['git', 'github', 'version-control', 'pull-requests', 'collaboration'],
    category: 'cloud-devops',
    instructor: 'instructor@demo.test',
    difficulty: 'beginner',
    status: 'published',
    price: 0,
    publishedDaysAgo: 250,
    rating: { average: 4.8, count: 3370 },
    enrollmentCount: 15200,
    sections: [
      {
        title: 'Git basics',
        lessons: [
          {
            title: 'Why version control?',
            minutes: 7,
            text: md`
              ## Beyond final_v2_really_final

              Version control records every change to a project: what changed, who changed it, when and why. With it you can:

              - go back to any earlier version,
              - work on several things at once without them interfering,
              - combine work from many people safely,
              - find which change introduced a bug.

              ## Git in one picture

              Git stores **snapshots** of your project called commits. Each commit points to its parent, forming a history. A **branch** is just a movable name pointing at a commit.

              ## Set up once

              ~~~bash
              git config --global user.name "Your Name"
              git config --global user.email "you@example.com"
              git config --global init.defaultBranch main
              ~~~

              ## Start a repository

              ~~~bash
              mkdir notes && cd notes
              git init
              git status
              ~~~

              git status is the command you will run most. It tells you where you are and what Git sees; when in doubt, run it.
            `,
          },
          {
            title: 'Commits and the staging area',
            minutes: 10,
            text: md`
              ## Three places

              - The **working tree**: the files you edit.
              - The **staging area** (index): what will go into the next commit.
              - The **history**: commits already recorded.

              ~~~bash
              git add README.md          # stage a file
              git add -p                 # stage chosen parts of changes
              git commit -m "Explain how to run the tests"
              git log --oneline
              ~~~

              The staging area lets you commit only part of what you changed, so each commit contains one logical change.

              ## Good commits

              - **Small and focused**: one fix or one feature step per commit.
              - **Messages explain why**: the diff shows what changed; the message should say why. Start with a short summary in the imperative ("Fix rounding of tax totals"), then add detail if needed.

              ## Looking at changes

              - **git diff** shows unstaged changes.
              - **git diff --staged** shows what you are about to commit.

              Review your staged diff before every commit: it catches debug output and files you did not mean to include.
            `,
          },
          {
            title: 'Branches and merging',
            minutes: 11,
            text: md`
              ## Branches are cheap

              A branch is a pointer to a commit, so creating one is instant. Use a branch for every piece of work:

              ~~~bash
              git switch -c fix-login-redirect
              # ...edit, add, commit...
              git switch main
              git merge fix-login-redirect
              git branch -d fix-login-redirect
              ~~~

              ## Two kinds of merge

              - **Fast-forward**: main has not moved since you branched, so Git just moves the main pointer forward.
              - **Merge commit**: both branches have new commits, so Git creates a commit with two parents that combines them.

              ## Rebase, briefly

              git rebase main replays your branch's commits on top of the latest main, giving a straight history. It rewrites those commits, so only rebase branches that nobody else is working on.

              ## Naming

              Use short, descriptive branch names, often with a prefix: feature/bulk-invite, fix/login-redirect. Delete branches once merged to keep the list readable.
            `,
          },
        ],
      },
      {
        title: 'Collaborating on GitHub',
        lessons: [
          {
            title: 'Remotes, push and pull',
            minutes: 9,
            text: md`
              ## Remotes

              A remote is another copy of the repository, usually on GitHub. Cloning sets one up called origin:

              ~~~bash
              git clone https://github.com/acme/handbook.git
              git remote -v
              ~~~

              ## Sharing your work

              ~~~bash
              git push -u origin fix-typo    # first push of a new branch
              git push                       # later pushes
              ~~~

              ## Getting others' work

              - **git fetch** downloads new commits without changing your files.
              - **git pull** fetches and then merges (or rebases) into your current branch.

              Pull before you start work, and often during long tasks, to keep conflicts small.

              ## Authentication

              GitHub no longer accepts account passwords for Git over HTTPS. Use SSH keys or a personal access token, or sign in through the GitHub CLI (gh auth login), which configures it for you.

              ## Never force-push shared branches

              git push --force rewrites history on the remote and can delete colleagues' work. If you must, use --force-with-lease, and never on main.
            `,
          },
          {
            title: 'Pull requests and code review',
            minutes: 10,
            text: md`
              ## The pull request

              A pull request (PR) proposes merging a branch. It shows the diff, runs automated checks and hosts the discussion.

              ## Writing a good PR

              - Keep it small: under 400 changed lines is much easier to review well.
              - The description says what and why, how to test it, and links the issue.
              - Add screenshots for visual changes.
              - Review your own diff first; you will find something.

              ## Reviewing

              - Understand the goal before reading the code.
              - Look for correctness, clarity and tests before style. Let linters handle formatting.
              - Ask questions rather than give orders: "What happens if the list is empty?"
              - Mark minor comments as optional (many teams prefix them with "nit:").
              - Approve when it is better than before, not when it is perfect.

              ## Protect main

              Branch protection rules on GitHub can require passing checks and at least one approval before merging, so main always works.
            `,
          },
          {
            title: 'Resolving merge conflicts',
            minutes: 10,
            text: md`
              ## Why conflicts happen

              When two branches change the same lines, Git cannot know which version is right, so it asks you. It is a normal part of collaboration, not an error.

              ## What you will see

              ~~~text
              <<<<<<< HEAD
              const timeout = 30;
              =======
              const timeout = 60;
              >>>>>>> feature/slow-networks
              ~~~

              The top part is your current branch; the bottom is the incoming one.

              ## Resolve

              - Edit the file to the correct final content (maybe neither version: maybe both changes are needed).
              - Remove the conflict markers.
              - Run the tests.
              - git add the file, then git commit (or git rebase --continue during a rebase).

              If it goes wrong, git merge --abort returns you to where you started.

              ## Prevent big conflicts

              Merge small branches often, pull main into long-lived branches regularly, and avoid mass reformatting in the same PR as real changes.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'docker-for-developers',
    title: 'Docker for Developers',
    subtitle: 'Package any app in a container and run your whole stack with one command.',
    description:
      '"It works on my machine" stops being an excuse when the machine ships with the app. Docker packages an ' +
      'application with its runtime and dependencies into an image that runs the same way on a laptop, in CI and ' +
      'in production.\n\n' +
      'You will learn how images and containers relate, write efficient Dockerfiles, persist data with volumes, ' +
      'connect services over networks, run a multi-service app with Docker Compose, and build small, secure images ' +
      'ready for production.',
    outcomes: [
      'Explain images, containers, layers and registries',
      'Write Dockerfiles that build fast thanks to layer caching',
      'Persist data with volumes and connect containers over networks',
      'Run a multi-service development stack with Docker Compose',
      'Produce small, secure production images with multi-stage builds',
    ],
    prerequisites: ['Comfortable with a terminal', 'Experience building a web app in any language'],
    tags: ['docker', 'containers', 'docker-compose', 'devops', 'deployment'],
    category: 'cloud-devops',
    instructor: 'instructor@demo.test',
    difficulty: 'intermediate',
    status: 'published',
    price: 3900,
    publishedDaysAgo: 160,
    rating: { average: 4.7, count: 1190 },
    enrollmentCount: 5630,
    sections: [
      {
        title: 'Containers',
        lessons: [
          {
            title: 'Images and containers',
            minutes: 9,
            text: md`
              ## The difference

              - An **image** is a read-only template: a filesystem plus metadata such as the command to run. It is built in layers.
              - A **container** is a running instance of an image, with its own writable layer, process space and network.

              One image can start many containers, just as one program can run as many processes.

              ## First commands

              ~~~bash
              docker run --rm -p 8080:80 nginx:1.27   # start a web server
              docker ps                               # running containers
              docker images                           # local images
              docker logs <container>                 # output of a container
              docker exec -it <container> sh          # a shell inside it
              ~~~

              -p 8080:80 maps port 8080 on your machine to port 80 in the container, and --rm removes the container when it stops.

              ## Containers are not virtual machines

              Containers share the host's kernel and isolate processes with kernel features, so they start in milliseconds and use little memory. The trade-off is weaker isolation than a VM.

              ## Pin versions

              Use specific tags (nginx:1.27) rather than latest, so builds are reproducible.
            `,
          },
          {
            title: 'Writing a Dockerfile',
            minutes: 12,
            text: md`
              ## A Node.js example

              ~~~dockerfile
              FROM node:24-slim
              WORKDIR /app

              # Dependencies first: this layer is cached until package files change
              COPY package.json package-lock.json ./
              RUN npm ci --omit=dev

              # Then the source, which changes often
              COPY . .

              USER node
              EXPOSE 3000
              CMD ["node", "server.js"]
              ~~~

              ~~~bash
              docker build -t myapp:dev .
              docker run --rm -p 3000:3000 myapp:dev
              ~~~

              ## Layer caching

              Each instruction creates a layer. When a layer's inputs have not changed, Docker reuses it. Ordering instructions from least to most frequently changing makes rebuilds take seconds instead of minutes.

              ## .dockerignore

              Exclude node_modules, .git, local env files and build output. It speeds up builds and keeps secrets out of images.

              ## Good habits

              - Run as a non-root user (USER).
              - Use the exec form of CMD (a JSON array) so signals reach your process and it can shut down gracefully.
              - One main process per container.
            `,
          },
        ],
      },
      {
        title: 'Multi-container apps',
        lessons: [
          {
            title: 'Volumes and networks',
            minutes: 10,
            text: md`
              ## Containers are disposable

              Anything written inside a container's filesystem disappears when the container is removed. Data that must survive goes in a **volume**.

              ~~~bash
              docker volume create pgdata
              docker run -d --name db \
                -e POSTGRES_PASSWORD=devonly \
                -v pgdata:/var/lib/postgresql/data \
                postgres:16
              ~~~

              - **Named volumes** are managed by Docker: best for databases.
              - **Bind mounts** (-v ./src:/app/src) map a host folder: best for live-editing code in development.

              ## Networks

              Containers on the same user-defined network reach each other by name:

              ~~~bash
              docker network create appnet
              docker run -d --name db --network appnet postgres:16
              docker run -d --name api --network appnet -e DATABASE_HOST=db myapp:dev
              ~~~

              Only publish ports (-p) that must be reached from outside. The database above is reachable by the API but not from your host or the internet.
            `,
          },
          {
            title: 'Docker Compose',
            minutes: 12,
            text: md`
              ## One file for the whole stack

              Compose describes services, volumes and networks in a compose.yaml file:

              ~~~yaml
              services:
                api:
                  build: .
                  ports:
                    - "3000:3000"
                  environment:
                    DATABASE_URL: postgres://app:devonly@db:5432/app
                  depends_on:
                    db:
                      condition: service_healthy
                db:
                  image: postgres:16
                  environment:
                    POSTGRES_USER: app
                    POSTGRES_PASSWORD: devonly
                  volumes:
                    - pgdata:/var/lib/postgresql/data
                  healthcheck:
                    test: ["CMD", "pg_isready", "-U", "app"]
                    interval: 5s
              volumes:
                pgdata:
              ~~~

              ## Everyday commands

              ~~~bash
              docker compose up -d      # start everything
              docker compose logs -f api
              docker compose down       # stop (add -v to delete volumes)
              ~~~

              Compose creates a network for the project automatically, so the API reaches the database at the host name db. The healthcheck makes the API wait until the database accepts connections, not just until its container has started.
            `,
          },
        ],
      },
      {
        title: 'Shipping',
        lessons: [
          {
            title: 'Smaller, safer images',
            minutes: 11,
            text: md`
              ## Multi-stage builds

              Build with the full toolchain, then copy only the result into a slim runtime image:

              ~~~dockerfile
              FROM node:24 AS build
              WORKDIR /app
              COPY package.json package-lock.json ./
              RUN npm ci
              COPY . .
              RUN npm run build

              FROM node:24-slim
              WORKDIR /app
              COPY --from=build /app/dist ./dist
              COPY package.json package-lock.json ./
              RUN npm ci --omit=dev
              USER node
              CMD ["node", "dist/server.js"]
              ~~~

              Compilers, dev dependencies and source files stay in the build stage.

              ## Why size matters

              Smaller images pull faster, start faster and contain fewer packages with known vulnerabilities.

              ## Security checklist

              - Run as a non-root user.
              - Never bake secrets into images: pass them at runtime as environment variables or mounted secrets. Anything in a layer can be extracted, even if a later layer deletes it.
              - Scan images for vulnerabilities in CI (for example with docker scout or Trivy).
              - Rebuild regularly so base image security fixes reach production.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'kubernetes-in-production',
    title: 'Kubernetes in Production',
    subtitle: 'Deploy, scale and operate containerised services reliably.',
    description:
      'Kubernetes runs containers across a cluster of machines, restarts them when they fail, scales them with ' +
      'load and rolls out new versions without downtime. It is also complex, and most outages come from a small ' +
      'set of misconfigurations.\n\n' +
      'This advanced course focuses on what production requires: the core objects, configuration and secrets, ' +
      'health probes and resource limits, safe rollouts and rollbacks, observability, and autoscaling. Each lesson ' +
      'ends with the mistakes that cause real incidents.',
    outcomes: [
      'Deploy services with Deployments and expose them with Services',
      'Manage configuration and secrets separately from images',
      'Configure liveness, readiness and startup probes and resource requests and limits',
      'Roll out new versions safely and roll back quickly',
      'Observe workloads with logs, metrics and events, and autoscale them',
    ],
    prerequisites: ['Docker for Developers or equivalent experience', 'Comfort with YAML and the command line'],
    tags: ['kubernetes', 'k8s', 'devops', 'sre', 'containers'],
    category: 'cloud-devops',
    instructor: 'instructor@demo.test',
    difficulty: 'advanced',
    status: 'published',
    price: 19900,
    publishedDaysAgo: 45,
    rating: { average: 4.6, count: 167 },
    enrollmentCount: 520,
    sections: [
      {
        title: 'Core objects',
        lessons: [
          {
            title: 'Pods, Deployments and Services',
            minutes: 12,
            text: md`
              ## Pods

              A Pod is one or more containers scheduled together, sharing a network address. Pods are ephemeral: when a node fails, its Pods are gone. You rarely create them directly.

              ## Deployments

              A Deployment declares the desired state (which image and how many replicas) and Kubernetes keeps reality matching it:

              ~~~yaml
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: api
              spec:
                replicas: 3
                selector:
                  matchLabels: { app: api }
                template:
                  metadata:
                    labels: { app: api }
                  spec:
                    containers:
                      - name: api
                        image: registry.example.com/api:1.8.2
                        ports:
                          - containerPort: 3000
              ~~~

              ## Services

              Pod addresses change constantly. A Service gives a stable name and load-balances to all ready Pods matching its selector:

              ~~~yaml
              apiVersion: v1
              kind: Service
              metadata:
                name: api
              spec:
                selector: { app: api }
                ports:
                  - port: 80
                    targetPort: 3000
              ~~~

              Other workloads in the namespace now reach it at http://api.
            `,
          },
          {
            title: 'ConfigMaps and Secrets',
            minutes: 10,
            text: md`
              ## Configuration outside the image

              Build one image and promote it through environments; only configuration changes. ConfigMaps hold non-sensitive settings, Secrets hold credentials.

              ~~~yaml
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: api-config
              data:
                LOG_LEVEL: info
                FEATURE_BULK_INVITE: "true"
              ~~~

              ~~~yaml
              # in the container spec
              envFrom:
                - configMapRef: { name: api-config }
                - secretRef: { name: api-secrets }
              ~~~

              ## Secrets are not encrypted by default

              Secret values are only base64-encoded. Protect them:

              - Enable encryption at rest for the cluster's data store.
              - Restrict who can read Secrets with RBAC.
              - Keep them out of Git, or store them encrypted (Sealed Secrets, SOPS) or in an external secret manager.

              ## Changes do not restart Pods

              Environment variables are read at container start. After changing a ConfigMap, trigger a rollout (kubectl rollout restart deployment/api), or include a hash of the config in the Pod template so changes roll out automatically.
            `,
          },
        ],
      },
      {
        title: 'Running reliably',
        lessons: [
          {
            title: 'Probes and resource limits',
            minutes: 13,
            text: md`
              ## Three probes

              - **Readiness**: should this Pod receive traffic now? Failing removes it from the Service without restarting it.
              - **Liveness**: is the process stuck? Failing restarts the container.
              - **Startup**: gives slow-starting apps time before liveness checks begin.

              ~~~yaml
              readinessProbe:
                httpGet: { path: /ready, port: 3000 }
                periodSeconds: 5
              livenessProbe:
                httpGet: { path: /live, port: 3000 }
                periodSeconds: 10
                failureThreshold: 3
              ~~~

              Keep liveness checks shallow. If liveness depends on the database, a database blip restarts every Pod at once and turns a small incident into an outage.

              ## Requests and limits

              ~~~yaml
              resources:
                requests: { cpu: 250m, memory: 256Mi }
                limits: { memory: 512Mi }
              ~~~

              - **Requests** are what the scheduler reserves; set them from observed usage.
              - A container exceeding its **memory limit** is killed (OOMKilled).
              - CPU limits throttle rather than kill, and often cause latency spikes; many teams set CPU requests but no CPU limit.
            `,
          },
          {
            title: 'Rolling updates and rollbacks',
            minutes: 10,
            text: md`
              ## Rolling updates

              Changing a Deployment's Pod template (a new image tag, say) replaces Pods gradually:

              ~~~yaml
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 0
                  maxSurge: 1
              ~~~

              With maxUnavailable: 0, a new Pod must become ready before an old one is removed, so capacity never drops. Readiness probes are what make this safe.

              ## Watching and rolling back

              ~~~bash
              kubectl rollout status deployment/api
              kubectl rollout history deployment/api
              kubectl rollout undo deployment/api
              ~~~

              ## Graceful shutdown

              On termination a Pod receives SIGTERM and is removed from Service endpoints, but the two happen concurrently. Have your app stop accepting new work, finish in-flight requests, then exit within terminationGracePeriodSeconds. A short preStop sleep avoids dropping requests still routed to the Pod.

              ## Pod disruption budgets

              A PodDisruptionBudget (for example minAvailable: 2) stops node maintenance from evicting too many replicas at once.
            `,
          },
        ],
      },
      {
        title: 'Operations',
        lessons: [
          {
            title: 'Observability',
            minutes: 11,
            text: md`
              ## First questions in an incident

              ~~~bash
              kubectl get pods -o wide
              kubectl describe pod <name>        # events: scheduling, probes, OOM
              kubectl logs <pod> --previous      # logs of the crashed container
              kubectl get events --sort-by=.lastTimestamp
              ~~~

              describe is underrated: the Events section explains most CrashLoopBackOff, ImagePullBackOff and Pending states.

              ## Logs

              Write logs to stdout as structured JSON and ship them to a central store. Pods and their local logs disappear; your investigation should not depend on them.

              ## Metrics

              - **Platform**: CPU and memory per Pod against requests and limits, restarts, node pressure.
              - **Application**: request rate, error rate and latency (the RED method) per service.

              Prometheus-style metrics with dashboards and alerts are the common choice.

              ## Alert on symptoms

              Page people for what users feel (error rate and latency against your service level objectives), not for every high CPU reading. Causes belong on dashboards used during investigation.
            `,
          },
          {
            title: 'Autoscaling',
            minutes: 10,
            text: md`
              ## Horizontal Pod Autoscaler

              The HPA adjusts replicas to keep a metric near a target:

              ~~~yaml
              apiVersion: autoscaling/v2
              kind: HorizontalPodAutoscaler
              metadata:
                name: api
              spec:
                scaleTargetRef:
                  apiVersion: apps/v1
                  kind: Deployment
                  name: api
                minReplicas: 3
                maxReplicas: 20
                metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      target: { type: Utilization, averageUtilization: 70 }
              ~~~

              Utilization is measured against the CPU **request**, so requests must be realistic for autoscaling to work.

              ## Cluster autoscaling

              When Pods cannot be scheduled for lack of capacity, a cluster autoscaler adds nodes, and removes underused ones later. Node start-up takes minutes, so keep some headroom.

              ## Pitfalls

              - A minReplicas of 1 means no redundancy; use at least 2 or 3 for anything user-facing.
              - Scaling out does not help if the bottleneck is the database.
              - Queue workers often scale better on queue length than on CPU.
            `,
          },
        ],
      },
    ],
  },
];
