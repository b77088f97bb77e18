"""The library of installed roadmaps: where they are stored and what was fetched
(:mod:`.store`), the roadmap in use by default (:mod:`.config`), downloads (:mod:`.fetch`),
canonical resource links (:mod:`.links`) and the cached summaries and done-topic links
every installed roadmap has (:mod:`.index`)."""
