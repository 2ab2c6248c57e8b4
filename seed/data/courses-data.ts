import { md } from './md.ts';
import type { CourseSeed } from './types.ts';

export const DATA_COURSES: CourseSeed[] = [
  {
    slug: 'python-for-data-analysis',
    title: 'Python for Data Analysis',
    subtitle: 'From your first line of Python to answering real questions with pandas.',
    description:
      'Spreadsheets are great until the data has a million rows, arrives every morning, or needs the same twenty ' +
      'cleaning steps each time. Python, with the pandas library, handles all three, and it is the most common ' +
      'language in data work.\n\n' +
      'This course assumes no programming background. You will learn just enough Python to be productive, then use ' +
      'pandas to load, clean, group and summarise data, and finish by charting the results and analysing a small ' +
      'sales data set end to end. The last section unlocks a week after you enroll, giving you time to practise.',
    outcomes: [
      'Write Python with variables, lists, dictionaries, loops and functions',
      'Load CSV and Excel files into pandas DataFrames',
      'Clean messy data: missing values, wrong types and duplicates',
      'Summarise data with groupby and aggregation',
      'Chart results with matplotlib and present a short analysis',
    ],
    prerequisites: ['No programming experience needed', 'Comfort with spreadsheets helps'],
    tags: ['python', 'pandas', 'data-analysis', 'jupyter', 'matplotlib'],
    category: 'data-science',
    instructor: 'maya@demo.test',
    difficulty: 'beginner',
    status: 'published',
    price: 0,
    publishedDaysAgo: 300,
    rating: { average: 4.8, count: 4120 },
    enrollmentCount: 12050,
    sections: [
      {
        title: 'Python essentials',
        lessons: [
          {
            title: 'Your first notebook',
            minutes: 8,
            text: md`
              ## Why notebooks?

              A Jupyter notebook mixes code, its output and your notes in one document. You run code one cell at a time and see the result immediately, which suits exploring data.

              ## Getting set up

              - Install Python 3.12 or later from [python.org](https://www.python.org/downloads/).
              - In a terminal, create an environment and install the tools:

              ~~~bash
              python -m venv .venv
              source .venv/bin/activate      # Windows: .venv\Scripts\activate
              pip install jupyterlab pandas matplotlib
              jupyter lab
              ~~~

              ## Your first cells

              ~~~python
              print("Hello, data")
              2 + 3 * 4
              ~~~

              The last expression in a cell is displayed automatically, so the second cell shows 14.

              ## Habits that help

              - Press **Shift+Enter** to run a cell and move to the next one.
              - Restart the kernel and run all cells now and then: it proves your notebook works from top to bottom, not just in the order you happened to run it.
            `,
          },
          {
            title: 'Variables, lists and dictionaries',
            minutes: 10,
            text: md`
              ## Variables

              ~~~python
              city = "Lisbon"
              population = 545_000
              growth = 0.012
              ~~~

              Python figures out the type from the value. Underscores in numbers are just for readability.

              ## Lists: ordered collections

              ~~~python
              temps = [18.5, 21.0, 19.2]
              temps.append(22.4)
              temps[0]        # 18.5, indexes start at 0
              temps[-1]       # 22.4, negative indexes count from the end
              len(temps)      # 4
              ~~~

              ## Dictionaries: look things up by key

              ~~~python
              store = {"name": "North", "sales": 1200, "open": True}
              store["sales"]          # 1200
              store["region"] = "EU"  # add a key
              ~~~

              ## Which one?

              - Use a **list** when order matters and items are alike (a column of values).
              - Use a **dictionary** when each value has a name (one record).
              - A list of dictionaries is a small table, and it is exactly what pandas can turn into a DataFrame.
            `,
          },
          {
            title: 'Loops, conditions and functions',
            minutes: 12,
            text: md`
              ## Conditions

              ~~~python
              if sales > 1000:
                  label = "high"
              elif sales > 500:
                  label = "medium"
              else:
                  label = "low"
              ~~~

              Indentation is part of the syntax: the indented lines belong to the if.

              ## Loops

              ~~~python
              total = 0
              for amount in [120, 80, 45]:
                  total += amount
              ~~~

              A **list comprehension** builds a new list in one line:

              ~~~python
              with_tax = [round(a * 1.2, 2) for a in [120, 80, 45]]
              ~~~

              ## Functions

              ~~~python
              def growth_rate(before, after):
                  """Percentage change from before to after."""
                  return (after - before) / before * 100

              growth_rate(200, 250)   # 25.0
              ~~~

              Write a function as soon as you copy and paste the same code a second time. A name like growth_rate also documents what the calculation means.

              ## Good news

              With pandas you will write far fewer loops: operations apply to whole columns at once, which is both shorter and much faster.
            `,
          },
        ],
      },
      {
        title: 'Working with pandas',
        lessons: [
          {
            title: 'Series and DataFrames',
            minutes: 11,
            text: md`
              ## Two structures

              - A **Series** is one labelled column of values.
              - A **DataFrame** is a table: several Series sharing the same row index.

              ~~~python
              import pandas as pd

              df = pd.DataFrame({
                  "store": ["North", "South", "East"],
                  "sales": [1200, 860, 1430],
                  "staff": [8, 6, 9],
              })
              ~~~

              ## Looking around

              ~~~python
              df.head()        # first rows
              df.info()        # columns, types, missing values
              df.describe()    # summary statistics for numeric columns
              ~~~

              ## Selecting

              ~~~python
              df["sales"]                       # one column (a Series)
              df[["store", "sales"]]            # several columns
              df[df["sales"] > 1000]            # rows matching a condition
              df.loc[df["store"] == "East", "staff"]
              ~~~

              ## New columns

              Operations work on whole columns at once:

              ~~~python
              df["sales_per_staff"] = df["sales"] / df["staff"]
              ~~~

              No loop needed: pandas divides each row's values for you.
            `,
          },
          {
            title: 'Loading and cleaning data',
            minutes: 13,
            text: md`
              ## Loading

              ~~~python
              orders = pd.read_csv("orders.csv", parse_dates=["order_date"])
              # also: pd.read_excel("file.xlsx"), pd.read_json(...)
              ~~~

              ## The usual problems

              Real data is messy. Check for each of these before analysing:

              - **Missing values**: orders.isna().sum() counts them per column. Decide whether to drop rows (dropna) or fill them (fillna), and write down why.
              - **Wrong types**: numbers stored as text, often because of a currency sign or thousands separator.
              - **Duplicates**: orders.duplicated().sum(), then drop_duplicates().
              - **Inconsistent labels**: "UK", "U.K." and "United Kingdom" are three groups until you fix them.

              ~~~python
              orders["amount"] = (
                  orders["amount"].str.replace("$", "", regex=False)
                                  .str.replace(",", "", regex=False)
                                  .astype(float)
              )
              orders["country"] = orders["country"].replace({"U.K.": "UK"})
              orders = orders.drop_duplicates()
              ~~~

              ## Keep the raw file

              Never edit the source data by hand. Keep cleaning steps in code so the whole process can be re-run when next month's file arrives.
            `,
          },
          {
            title: 'Grouping and aggregation',
            minutes: 12,
            text: md`
              ## Split, apply, combine

              Most business questions sound like "per something": revenue per region, orders per month, average basket per customer. groupby answers them:

              ~~~python
              orders.groupby("region")["amount"].sum()
              ~~~

              ## Several summaries at once

              ~~~python
              summary = orders.groupby("region").agg(
                  revenue=("amount", "sum"),
                  orders=("order_id", "count"),
                  average=("amount", "mean"),
              ).sort_values("revenue", ascending=False)
              ~~~

              ## Over time

              Group dates by month with resample (the date must be the index) or with dt accessors:

              ~~~python
              monthly = orders.set_index("order_date")["amount"].resample("MS").sum()
              orders["month"] = orders["order_date"].dt.to_period("M")
              ~~~

              ## Pivot tables

              ~~~python
              orders.pivot_table(index="region", columns="month",
                                 values="amount", aggfunc="sum", fill_value=0)
              ~~~

              Check a total by hand against the raw data at least once. If your grouped numbers do not add up to the overall sum, something was dropped along the way.
            `,
          },
        ],
      },
      {
        title: 'Presenting results',
        lessons: [
          {
            title: 'Plotting with matplotlib',
            minutes: 11,
            dripDays: 7,
            text: md`
              ## A chart in three lines

              pandas plots through matplotlib:

              ~~~python
              import matplotlib.pyplot as plt

              ax = monthly.plot(kind="line", title="Revenue per month")
              ax.set_ylabel("Revenue (USD)")
              plt.show()
              ~~~

              ## Pick the chart for the question

              - **Line**: change over time.
              - **Bar**: comparing categories (sort the bars!).
              - **Histogram**: the distribution of one variable.
              - **Scatter**: the relationship between two variables.

              ## Make it readable

              - Title the chart with the finding, not the data: "Online sales overtook stores in May" beats "Sales by channel".
              - Label axes with units.
              - Start bar charts at zero; a truncated axis exaggerates differences.
              - Remove what does not help: gridlines, legends with one entry, 3D effects.

              ## Save it

              ~~~python
              ax.figure.savefig("revenue.png", dpi=200, bbox_inches="tight")
              ~~~
            `,
          },
          {
            title: 'Mini project: analyse a sales file',
            minutes: 20,
            dripDays: 7,
            text: md`
              ## The brief

              Your manager sends a CSV of last year's orders and asks: **which products and regions should we focus on next quarter?** Use everything from this course.

              ## Suggested steps

              - Load the file and inspect it with info() and describe().
              - Clean it: types, missing values, duplicates, inconsistent labels. Note each decision.
              - Compute revenue per region and per product, and monthly revenue.
              - Find the top ten products by revenue and check their trend over the year.
              - Make two or three charts that support your answer.

              ## Write the answer first

              Open your notebook with a three-sentence summary:

              ~~~text
              Revenue grew 18% year on year, driven by the South region.
              Three products account for 40% of revenue; two of them are growing.
              Recommendation: prioritise stock and marketing for those two in the South.
              ~~~

              Then show the evidence below it. Decision makers read the top; analysts check the rest.

              ## Review checklist

              - Does the notebook run from top to bottom after a kernel restart?
              - Do totals match the raw data?
              - Could a colleague follow every cleaning step?
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'sql-for-analysts',
    title: 'SQL for Analysts',
    subtitle: 'Ask your database questions directly, from SELECT to window functions.',
    description:
      "Most of the world's business data lives in relational databases, and SQL is how you ask it questions. " +
      'Knowing SQL means you no longer wait for someone else to export a spreadsheet.\n\n' +
      'This course uses PostgreSQL-flavoured SQL, but everything transfers to MySQL, SQL Server, BigQuery or ' +
      'Snowflake with small changes. You will write queries that filter, aggregate and join, structure complex ' +
      'logic with common table expressions, and use window functions for rankings, running totals and ' +
      'period-over-period comparisons.',
    outcomes: [
      'Filter and sort rows with SELECT, WHERE and ORDER BY',
      'Summarise data with aggregates and GROUP BY',
      'Combine tables with inner and outer joins, avoiding double counting',
      'Structure complex queries with subqueries and CTEs',
      'Use window functions for rankings, running totals and comparisons over time',
    ],
    prerequisites: ['Comfort with spreadsheets', 'No programming experience needed'],
    tags: ['sql', 'postgresql', 'analytics', 'joins', 'window-functions'],
    category: 'data-science',
    instructor: 'maya@demo.test',
    difficulty: 'beginner',
    status: 'published',
    price: 2900,
    publishedDaysAgo: 180,
    rating: { average: 4.7, count: 1876 },
    enrollmentCount: 6480,
    sections: [
      {
        title: 'Querying one table',
        lessons: [
          {
            title: 'SELECT, WHERE and ORDER BY',
            minutes: 10,
            text: md`
              ## Anatomy of a query

              ~~~sql
              select order_id, customer_id, amount
              from orders
              where amount > 100
                and status = 'paid'
              order by amount desc
              limit 10;
              ~~~

              Read it as: from the orders table, keep paid rows over 100, show three columns, biggest first, top ten.

              ## Filtering

              - Combine conditions with **and**, **or** and parentheses.
              - **in ('UK', 'IE')** matches any value in a list.
              - **between '2025-01-01' and '2025-03-31'** includes both ends.
              - **like 'Pro%'** matches text patterns (% is any run of characters).

              ## NULL is not a value

              NULL means unknown. Nothing equals NULL, not even NULL, so write **where discount is null**, never = null.

              ## Habits

              - Name the columns you need instead of select *: queries stay fast and readable.
              - Always add order by when the order matters. Without it, the database may return rows in any order.
            `,
          },
          {
            title: 'Aggregates and GROUP BY',
            minutes: 11,
            text: md`
              ## Aggregates

              count, sum, avg, min and max collapse many rows into one value:

              ~~~sql
              select count(*) as orders, sum(amount) as revenue, avg(amount) as average
              from orders
              where status = 'paid';
              ~~~

              ## One row per group

              ~~~sql
              select country, count(*) as orders, sum(amount) as revenue
              from orders
              group by country
              order by revenue desc;
              ~~~

              Every column in the select list must be either grouped or aggregated.

              ## WHERE versus HAVING

              - **where** filters rows before grouping.
              - **having** filters groups after aggregation.

              ~~~sql
              select customer_id, count(*) as orders
              from orders
              where order_date >= '2025-01-01'
              group by customer_id
              having count(*) >= 3;
              ~~~

              ## Counting carefully

              count(*) counts rows, count(column) skips NULLs, and count(distinct customer_id) counts unique customers. They answer different questions, so choose deliberately.
            `,
          },
        ],
      },
      {
        title: 'Combining tables',
        lessons: [
          {
            title: 'Joins',
            minutes: 13,
            text: md`
              ## Why tables are split

              A well-designed database stores each fact once: customers in one table, orders in another, linked by customer_id. Joins put them back together.

              ~~~sql
              select c.name, o.order_id, o.amount
              from orders o
              join customers c on c.id = o.customer_id;
              ~~~

              ## Inner and left joins

              - An **inner join** keeps only rows with a match on both sides.
              - A **left join** keeps every row from the left table, with NULLs where the right side has no match.

              ~~~sql
              -- Customers who never ordered
              select c.name
              from customers c
              left join orders o on o.customer_id = c.id
              where o.order_id is null;
              ~~~

              ## The double-counting trap

              Joining a one-to-many relationship repeats the "one" side. Join orders to order_items and sum the order total, and an order with three items is counted three times. Aggregate the many side first, or sum a column that belongs to the many side.

              Before trusting a joined result, compare its row count with the table you started from.
            `,
          },
          {
            title: 'Subqueries and CTEs',
            minutes: 11,
            text: md`
              ## Subqueries

              A query can use the result of another:

              ~~~sql
              select *
              from orders
              where amount > (select avg(amount) from orders);
              ~~~

              ## Common table expressions

              A **with** clause names intermediate results, so a complex query reads top to bottom like steps in a recipe:

              ~~~sql
              with paid as (
                select customer_id, amount, order_date
                from orders
                where status = 'paid'
              ),
              per_customer as (
                select customer_id, sum(amount) as lifetime_value
                from paid
                group by customer_id
              )
              select c.name, p.lifetime_value
              from per_customer p
              join customers c on c.id = p.customer_id
              order by p.lifetime_value desc
              limit 20;
              ~~~

              ## Build queries incrementally

              Write the first CTE, run it, check the rows. Add the next step only when the previous one is right. Debugging a fifty-line query all at once is painful; debugging five ten-line steps is not.
            `,
          },
        ],
      },
      {
        title: 'Analysis patterns',
        lessons: [
          {
            title: 'Window functions',
            minutes: 14,
            text: md`
              ## Aggregates that keep the rows

              GROUP BY collapses rows. A **window function** computes across related rows but keeps each row, so you can compare a row with its group.

              ~~~sql
              select
                region,
                product,
                revenue,
                sum(revenue) over (partition by region) as region_revenue,
                revenue / sum(revenue) over (partition by region) as share
              from product_sales;
              ~~~

              ## Rankings

              ~~~sql
              select *
              from (
                select region, product, revenue,
                       rank() over (partition by region order by revenue desc) as rnk
                from product_sales
              ) ranked
              where rnk <= 3;
              ~~~

              That is "top three products per region", a classic question that is awkward without windows.

              ## Running totals and neighbours

              - **sum(x) over (order by day)** gives a running total.
              - **lag(x)** and **lead(x)** read the previous or next row, perfect for day-over-day change.
              - **row_number()** numbers rows, handy for picking the latest record per customer.
            `,
          },
          {
            title: 'Dates and time series',
            minutes: 10,
            text: md`
              ## Truncate to a period

              ~~~sql
              select date_trunc('month', order_date) as month,
                     sum(amount) as revenue
              from orders
              group by 1
              order by 1;
              ~~~

              ## Month over month

              ~~~sql
              with monthly as (
                select date_trunc('month', order_date) as month, sum(amount) as revenue
                from orders
                group by 1
              )
              select month, revenue,
                     round(100.0 * (revenue - lag(revenue) over (order by month))
                           / lag(revenue) over (order by month), 1) as growth_pct
              from monthly;
              ~~~

              ## Missing periods

              A month with no orders does not appear at all, which makes charts lie. Generate the full calendar and left join your data to it:

              ~~~sql
              select m.month, coalesce(r.revenue, 0) as revenue
              from generate_series('2025-01-01'::date, '2025-12-01', interval '1 month') as m(month)
              left join monthly r on r.month = m.month;
              ~~~

              ## Time zones

              Store timestamps in UTC and convert for reporting. A "day" in New York and a day in Tokyo are different rows.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'statistics-for-data-science',
    title: 'Statistics for Data Science',
    subtitle: 'The statistical thinking behind trustworthy analysis and experiments.',
    description:
      'Data analysis without statistics gives you numbers without knowing whether to believe them. Is a 3% lift ' +
      'in conversions real or noise? Does the average describe your customers, or hide two very different groups?\n\n' +
      'This course builds intuition first and formulas second. You will describe distributions, understand ' +
      'sampling and uncertainty, read and run hypothesis tests and A/B tests, and fit and interpret a linear ' +
      'regression, with Python examples throughout.',
    outcomes: [
      'Choose the right summary statistics for a distribution',
      'Explain sampling variability and the central limit theorem',
      'Compute and interpret confidence intervals',
      'Run hypothesis tests and A/B tests, and avoid common p-value mistakes',
      'Fit a linear regression and interpret its coefficients',
    ],
    prerequisites: ['Basic Python and pandas', 'High-school algebra'],
    tags: ['statistics', 'probability', 'ab-testing', 'regression', 'python'],
    category: 'data-science',
    instructor: 'maya@demo.test',
    difficulty: 'intermediate',
    status: 'published',
    price: 6900,
    publishedDaysAgo: 95,
    rating: { average: 4.4, count: 388 },
    enrollmentCount: 940,
    sections: [
      {
        title: 'Describing data',
        lessons: [
          {
            title: 'Distributions and summary statistics',
            minutes: 10,
            text: md`
              ## Look before you summarise

              A single number hides the shape of the data. Plot a histogram first: is it symmetric, skewed, or are there two peaks?

              ## Centre

              - The **mean** is the arithmetic average; it is pulled by extreme values.
              - The **median** is the middle value; it ignores how extreme the extremes are.

              Incomes, house prices and order values are right-skewed: a few very large values drag the mean above what a typical case looks like. Report the median for those.

              ~~~python
              orders["amount"].mean()
              orders["amount"].median()
              orders["amount"].quantile([0.25, 0.75, 0.95])
              ~~~

              ## Spread

              The interquartile range (75th minus 25th percentile) describes where the middle half of the data sits, and, like the median, it resists outliers.

              ## Outliers

              Do not delete outliers automatically. A huge order might be a data error or your most important customer. Investigate, then decide and document.
            `,
          },
          {
            title: 'Variance and standard deviation',
            minutes: 9,
            text: md`
              ## Measuring spread

              **Variance** is the average squared distance from the mean. The **standard deviation** is its square root, which brings the unit back to that of the data (dollars, not dollars squared).

              ~~~python
              import numpy as np

              x = np.array([4, 8, 6, 5, 7])
              x.std(ddof=1)   # sample standard deviation
              ~~~

              Use ddof=1 for a sample: dividing by n - 1 instead of n corrects the tendency of a sample to underestimate spread.

              ## The normal rule of thumb

              For roughly bell-shaped data, about **68%** of values lie within one standard deviation of the mean and about **95%** within two. This is why "two standard deviations" is a common threshold for "unusual".

              ## Z-scores

              A z-score expresses a value in standard deviations from the mean: z = (x - mean) / std. It lets you compare values measured on different scales, such as a test score and a reaction time.

              ## A caution

              For skewed data the standard deviation is misleading; percentiles describe it better.
            `,
          },
        ],
      },
      {
        title: 'Inference',
        lessons: [
          {
            title: 'Sampling and the central limit theorem',
            minutes: 11,
            text: md`
              ## Samples vary

              You rarely see the whole population; you see a sample. A different sample would give a slightly different mean. Statistics is largely about how much.

              ## The central limit theorem

              Take many samples of size n and compute each sample's mean. Those means form a distribution that:

              - is centred on the true population mean,
              - is approximately **normal**, even when the data itself is not (for reasonably large n),
              - has a spread, the **standard error**, of roughly std / sqrt(n).

              ## See it for yourself

              ~~~python
              rng = np.random.default_rng(0)
              population = rng.exponential(scale=50, size=100_000)  # very skewed
              means = [rng.choice(population, 100).mean() for _ in range(2000)]
              # plot a histogram of means: it looks like a bell curve
              ~~~

              ## Why it matters

              Quadrupling the sample size halves the standard error. That square root is why precise estimates are expensive, and why tiny A/B tests so often mislead.
            `,
          },
          {
            title: 'Confidence intervals',
            minutes: 10,
            text: md`
              ## An estimate with error bars

              A 95% confidence interval is a range produced by a method that captures the true value in 95% of repeated samples. For a mean with a large sample:

              ~~~python
              from scipy import stats

              mean = sample.mean()
              se = stats.sem(sample)
              low, high = stats.t.interval(0.95, len(sample) - 1, loc=mean, scale=se)
              ~~~

              ## Reading it correctly

              - Report intervals, not just point estimates: "average basket 42 USD (95% CI 39 to 45)".
              - A wide interval is information: you do not know much yet.
              - It is **not** a 95% probability that this particular interval contains the truth; the confidence is in the procedure.

              ## Proportions

              For rates such as conversion, the standard error is sqrt(p * (1 - p) / n). With 50 conversions in 1,000 visits (5%), the 95% interval is roughly 3.6% to 6.4%: wider than most people expect.

              ## Bootstrap

              When no formula fits, resample your data with replacement thousands of times and take the 2.5th and 97.5th percentiles of the statistic. It is simple and works for almost anything.
            `,
          },
          {
            title: 'Hypothesis tests and A/B tests',
            minutes: 13,
            text: md`
              ## The logic

              Assume there is no effect (the **null hypothesis**). The **p-value** is the probability of seeing data at least as extreme as yours if that were true. A small p-value means the data would be surprising under the null.

              ## An A/B test

              ~~~python
              from statsmodels.stats.proportion import proportions_ztest

              conversions = [530, 480]     # variant B, variant A
              visitors = [10_000, 10_000]
              z, p = proportions_ztest(conversions, visitors)
              ~~~

              ## Common mistakes

              - **Peeking**: checking daily and stopping when p < 0.05 inflates false positives. Fix the sample size in advance.
              - **Many metrics**: test twenty metrics and one will be "significant" by chance.
              - **Significant is not important**: with huge samples, trivial differences become significant. Report the effect size and its interval.
              - **Not significant is not "no effect"**: the test may simply have been too small.

              ## Plan the sample size

              Decide the smallest effect worth detecting, then compute the sample you need (a power calculation) before the test starts.
            `,
          },
        ],
      },
      {
        title: 'Relationships',
        lessons: [
          {
            title: 'Correlation versus causation',
            minutes: 8,
            text: md`
              ## Correlation

              The correlation coefficient r measures how closely two variables follow a straight line, from -1 to 1. It says nothing about curves, and one outlier can change it a lot, so always look at the scatter plot too.

              ~~~python
              df[["ad_spend", "revenue"]].corr()
              ~~~

              ## Why correlation is not causation

              - **Confounding**: ice cream sales and drownings both rise in summer; heat drives both.
              - **Reverse causation**: do happy employees perform better, or does performing well make people happy?
              - **Selection**: studying only successful companies makes risky strategies look brilliant.

              ## Getting to causes

              - **Randomised experiments** (A/B tests) break confounding by design.
              - When you cannot experiment, control for known confounders, look for natural experiments, and state your assumptions plainly.

              When you present a correlation, say what else could explain it. Your audience will trust you more, not less.
            `,
          },
          {
            title: 'Linear regression',
            minutes: 13,
            text: md`
              ## A line through the data

              Linear regression models an outcome as a weighted sum of inputs plus noise. With statsmodels you get the estimates and their uncertainty:

              ~~~python
              import statsmodels.formula.api as smf

              model = smf.ols("revenue ~ ad_spend + price + C(region)", data=df).fit()
              print(model.summary())
              ~~~

              ## Reading coefficients

              - The **ad_spend** coefficient is the expected change in revenue for one more unit of ad spend, holding the other variables fixed.
              - C(region) turns a category into indicator variables, each compared with a reference region.
              - Each coefficient has a confidence interval; if it spans zero, the direction is uncertain.

              ## Check the assumptions

              - Plot residuals against fitted values: a pattern means the relationship is not linear.
              - Look for influential outliers.
              - Correlated inputs (price and discount, say) make individual coefficients unstable.

              ## R-squared

              R-squared is the share of variance explained. A low value is normal for noisy human behaviour; for prediction, judge the model on held-out data instead.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'machine-learning-fundamentals',
    title: 'Machine Learning Fundamentals',
    subtitle: 'Build, evaluate and trust predictive models with scikit-learn.',
    description:
      'Machine learning is less about exotic algorithms than about a disciplined process: frame the problem, split ' +
      'the data honestly, start with a simple baseline, measure the right thing and avoid fooling yourself.\n\n' +
      'This advanced course covers that process with scikit-learn: linear and logistic models, trees and ' +
      'gradient-boosted ensembles, cross-validation, metrics for imbalanced problems, and regularisation. ' +
      'Expect to write code and to question every good-looking result.',
    outcomes: [
      'Frame a business question as a supervised learning problem',
      'Split data into training, validation and test sets without leakage',
      'Train linear, logistic, tree and ensemble models with scikit-learn pipelines',
      'Choose metrics suited to the problem, including imbalanced classes',
      'Diagnose overfitting and control it with regularisation and cross-validation',
    ],
    prerequisites: ['Python and pandas', 'Statistics for Data Science or equivalent', 'Some linear algebra helps'],
    tags: ['machine-learning', 'scikit-learn', 'python', 'classification', 'regression'],
    category: 'data-science',
    instructor: 'maya@demo.test',
    difficulty: 'advanced',
    status: 'published',
    price: 14900,
    publishedDaysAgo: 12,
    rating: { average: 4.9, count: 58 },
    enrollmentCount: 310,
    sections: [
      {
        title: 'Framing the problem',
        lessons: [
          {
            title: 'What it means for a machine to learn',
            minutes: 9,
            text: md`
              ## Learning from examples

              In **supervised learning** you give a model examples with known answers (features and a label) and it learns a function that predicts the label for new examples.

              - **Regression** predicts a number: delivery time, price, demand.
              - **Classification** predicts a category: churn or not, spam or not.

              ## Start from the decision

              Ask what action the prediction will drive. "Predict churn" is vague; "each Monday, rank customers by churn risk so the success team can call the top 50" tells you the label, the time horizon, the data available at prediction time and the metric (precision in the top 50).

              ## Baselines first

              Before any model, compute a trivial baseline: predict the mean, or the most common class, or last week's value. A model is only useful if it beats the baseline by a margin that matters.

              ## When not to use ML

              If a few clear rules solve the problem, or you have no labelled data and no way to get it, a model adds cost and risk without benefit.
            `,
          },
          {
            title: 'Training, validation and test sets',
            minutes: 11,
            text: md`
              ## Why split?

              A model always looks good on the data it was trained on. To estimate how it will do on new data, hold some data back.

              - **Training set**: fit the model.
              - **Validation set** (or cross-validation): compare models and tune settings.
              - **Test set**: touched once, at the end, for the final estimate.

              ~~~python
              from sklearn.model_selection import train_test_split

              X_train, X_test, y_train, y_test = train_test_split(
                  X, y, test_size=0.2, stratify=y, random_state=42
              )
              ~~~

              ## Leakage

              Leakage is information in the training data that would not be available at prediction time. It makes models look great and fail in production.

              - A feature computed after the outcome ("number of support calls in the month the customer churned").
              - Scaling or imputing using statistics from the whole data set before splitting.
              - Random splits of time series: the model sees the future.

              ## Split by time when time matters

              Train on the past, validate on the more recent past, test on the most recent period. That mirrors how the model will be used.
            `,
          },
        ],
      },
      {
        title: 'Models',
        lessons: [
          {
            title: 'Linear and logistic regression',
            minutes: 12,
            text: md`
              ## Pipelines

              Put preprocessing and the model in one pipeline, so the same steps are fitted on training data only and applied identically at prediction time:

              ~~~python
              from sklearn.pipeline import make_pipeline
              from sklearn.preprocessing import StandardScaler
              from sklearn.linear_model import LogisticRegression

              clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
              clf.fit(X_train, y_train)
              probabilities = clf.predict_proba(X_test)[:, 1]
              ~~~

              ## Logistic regression

              Despite the name, it is a classifier: it models the log-odds of the positive class as a linear function of the features. It is fast, hard to overfit with regularisation, and its coefficients are interpretable.

              ## Why start linear?

              - It is a strong baseline for many tabular problems.
              - Coefficients reveal which features matter and in which direction, which helps you spot leakage.
              - If a complex model barely beats it, the complexity may not be worth it.

              Scale numeric features for linear models; one-hot encode categories with OneHotEncoder inside a ColumnTransformer.
            `,
          },
          {
            title: 'Decision trees and ensembles',
            minutes: 12,
            text: md`
              ## Trees

              A decision tree splits the data with yes/no questions ("tenure < 6 months?") until the groups are pure enough. Trees handle non-linear effects and interactions and need no scaling, but a single deep tree overfits badly.

              ## Random forests

              Train many trees on bootstrap samples with random subsets of features and average their votes. The averaging cancels much of each tree's noise.

              ## Gradient boosting

              Train small trees one after another, each correcting the errors of the ones before. Gradient-boosted trees are usually the strongest choice for tabular data.

              ~~~python
              from sklearn.ensemble import HistGradientBoostingClassifier

              gbm = HistGradientBoostingClassifier(
                  learning_rate=0.05, max_iter=500, early_stopping=True
              )
              gbm.fit(X_train, y_train)
              ~~~

              ## Interpreting ensembles

              Use **permutation importance** on validation data to see which features the model relies on, and partial dependence plots to see how predictions change with a feature. Be suspicious when one feature dominates: it is often leakage.
            `,
          },
        ],
      },
      {
        title: 'Evaluation',
        lessons: [
          {
            title: 'Metrics for classification',
            minutes: 12,
            text: md`
              ## Accuracy misleads

              If 2% of transactions are fraud, a model that always says "not fraud" is 98% accurate and useless.

              ## The confusion matrix

              - **Precision**: of the cases we flagged, how many were positive?
              - **Recall**: of the positive cases, how many did we flag?

              There is a trade-off, controlled by the decision threshold on the predicted probability. Choose it from costs: a missed fraud versus an annoyed customer.

              ~~~python
              from sklearn.metrics import classification_report, roc_auc_score, average_precision_score

              print(classification_report(y_test, probabilities > 0.3))
              roc_auc_score(y_test, probabilities)
              average_precision_score(y_test, probabilities)
              ~~~

              ## Threshold-free metrics

              - **ROC AUC**: how well the model ranks positives above negatives.
              - **Average precision** (area under the precision-recall curve): more informative when positives are rare.

              ## Calibration

              If the model says 30%, do 30% of those cases turn out positive? Check with a calibration curve before using probabilities in business calculations.
            `,
          },
          {
            title: 'Overfitting and regularisation',
            minutes: 11,
            text: md`
              ## The symptom

              Training score excellent, validation score much worse: the model memorised noise. Plot both against model complexity (tree depth, number of features) to see where they diverge.

              ## Remedies

              - **More data**, or better features that carry real signal.
              - **Simpler models**: shallower trees, fewer features.
              - **Regularisation**: penalise large coefficients. L2 (ridge) shrinks them; L1 (lasso) can set some to zero, selecting features.
              - **Early stopping** for boosting and neural networks.

              ## Tune with cross-validation

              ~~~python
              from sklearn.model_selection import GridSearchCV

              search = GridSearchCV(
                  clf,
                  {"logisticregression__C": [0.01, 0.1, 1, 10]},
                  cv=5,
                  scoring="average_precision",
              )
              search.fit(X_train, y_train)
              search.best_params_
              ~~~

              In scikit-learn, smaller C means stronger regularisation.

              ## Keep the test set sacred

              If you tune against the test set, it stops being a test. Report the final test score once, and expect production performance to be a little worse still.
            `,
          },
        ],
      },
    ],
  },
];
