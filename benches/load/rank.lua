-- POST /api/rank with the documented default profile (StudentProfile::example(Ohio)).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require("report")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"home_state":"OH","degree_levels":["associate","baccalaureate"],"delivery_modes":["hybrid","online"],'
  .. '"desired_skills":["coding-and-classification","ehr-and-health-it","data-analytics"],"preferred_delivery":"online"}'
