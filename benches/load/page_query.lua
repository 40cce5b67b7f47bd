-- GET /?<profile>: a page made for a submitted form (a student in Pennsylvania who weighs cost
-- more), br or gzip accepted; each request is rendered on a CPU worker.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require("report")
wrk.headers["Accept-Encoding"] = "br, gzip"
wrk.path = "/?submitted=1&state=PA&level=associate&level=baccalaureate&delivery=hybrid&delivery=online"
  .. "&preferred=online&max_cost=60000&accredited=yes&skill=coding-and-classification&skill=revenue-cycle"
  .. "&method=weighted-sum&unknown=keep-and-flag&w-total-cost=0.4&w-length=0.05&w-graduation-rate=0.1"
  .. "&w-employment-rate=0.15&w-exam-pass-rate=0.15&w-skill-coverage=0.05&w-expected-earnings=0.1"
