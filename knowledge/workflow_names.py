"""Names of the editorial workflows and tasks, shared by `editorial` (which creates them) and
`selectors` (which tells a submitter where a practice stands)."""

TWO_STEP_WORKFLOW = "Ohjeiden ja tulkintojen kaksivaiheinen hyväksyntä"
REVIEW_TASK = "Asiasisällön tarkistus"
APPROVAL_TASK = "Julkaisun hyväksyntä"
PRACTICE_WORKFLOW = "Käytäntöjen hyväksyntä"
PRACTICE_TASK = "Käytännön hyväksyntä (KEHA)"
NETWORK_WORKFLOW_PREFIX = "Verkoston käytäntöjen hyväksyntä: "
NETWORK_TASK_PREFIX = "Verkoston ylläpitäjän hyväksyntä: "
