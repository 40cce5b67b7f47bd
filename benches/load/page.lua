-- GET / as a browser asks for it (br or gzip accepted): the page with the default profile's
-- ranking, the exclusions by reason, stability and the wage chart.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require("report")
wrk.headers["Accept-Encoding"] = "br, gzip"
