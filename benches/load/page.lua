-- GET / : the page with the default profile's ranking, stability and wage chart.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require("report")
