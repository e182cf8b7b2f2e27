/**
 * Vocabulary of the generated taxonomies. The O*NET content-model elements
 * (the 35 skills and 33 knowledge areas, with their element ids) are the
 * published identifiers and short names, which an importer must recognise; every
 * other label, title and description is invented here from small word lists, so
 * no O*NET or ESCO text is reproduced.
 */

export interface Element {
  readonly id: string;
  readonly name: string;
}

/** O*NET content model, 2.A and 2.B: the 35 skills rated for every occupation. */
export const ONET_SKILLS: readonly Element[] = [
  { id: '2.A.1.a', name: 'Reading Comprehension' },
  { id: '2.A.1.b', name: 'Active Listening' },
  { id: '2.A.1.c', name: 'Writing' },
  { id: '2.A.1.d', name: 'Speaking' },
  { id: '2.A.1.e', name: 'Mathematics' },
  { id: '2.A.1.f', name: 'Science' },
  { id: '2.A.2.a', name: 'Critical Thinking' },
  { id: '2.A.2.b', name: 'Active Learning' },
  { id: '2.A.2.c', name: 'Learning Strategies' },
  { id: '2.A.2.d', name: 'Monitoring' },
  { id: '2.B.1.a', name: 'Social Perceptiveness' },
  { id: '2.B.1.b', name: 'Coordination' },
  { id: '2.B.1.c', name: 'Persuasion' },
  { id: '2.B.1.d', name: 'Negotiation' },
  { id: '2.B.1.e', name: 'Instructing' },
  { id: '2.B.1.f', name: 'Service Orientation' },
  { id: '2.B.2.i', name: 'Complex Problem Solving' },
  { id: '2.B.3.a', name: 'Operations Analysis' },
  { id: '2.B.3.b', name: 'Technology Design' },
  { id: '2.B.3.c', name: 'Equipment Selection' },
  { id: '2.B.3.d', name: 'Installation' },
  { id: '2.B.3.e', name: 'Programming' },
  { id: '2.B.3.g', name: 'Operations Monitoring' },
  { id: '2.B.3.h', name: 'Operation and Control' },
  { id: '2.B.3.j', name: 'Equipment Maintenance' },
  { id: '2.B.3.k', name: 'Troubleshooting' },
  { id: '2.B.3.l', name: 'Repairing' },
  { id: '2.B.3.m', name: 'Quality Control Analysis' },
  { id: '2.B.4.e', name: 'Judgment and Decision Making' },
  { id: '2.B.4.g', name: 'Systems Analysis' },
  { id: '2.B.4.h', name: 'Systems Evaluation' },
  { id: '2.B.5.a', name: 'Time Management' },
  { id: '2.B.5.b', name: 'Management of Financial Resources' },
  { id: '2.B.5.c', name: 'Management of Material Resources' },
  { id: '2.B.5.d', name: 'Management of Personnel Resources' },
];

/** O*NET content model, 2.C: the 33 knowledge areas rated for every occupation. */
export const ONET_KNOWLEDGE: readonly Element[] = [
  { id: '2.C.1.a', name: 'Administration and Management' },
  { id: '2.C.1.b', name: 'Clerical' },
  { id: '2.C.1.c', name: 'Economics and Accounting' },
  { id: '2.C.1.d', name: 'Sales and Marketing' },
  { id: '2.C.1.e', name: 'Customer and Personal Service' },
  { id: '2.C.1.f', name: 'Personnel and Human Resources' },
  { id: '2.C.2.a', name: 'Production and Processing' },
  { id: '2.C.2.b', name: 'Food Production' },
  { id: '2.C.3.a', name: 'Computers and Electronics' },
  { id: '2.C.3.b', name: 'Engineering and Technology' },
  { id: '2.C.3.c', name: 'Design' },
  { id: '2.C.3.d', name: 'Building and Construction' },
  { id: '2.C.3.e', name: 'Mechanical' },
  { id: '2.C.4.a', name: 'Mathematics' },
  { id: '2.C.4.b', name: 'Physics' },
  { id: '2.C.4.c', name: 'Chemistry' },
  { id: '2.C.4.d', name: 'Biology' },
  { id: '2.C.4.e', name: 'Psychology' },
  { id: '2.C.4.f', name: 'Sociology and Anthropology' },
  { id: '2.C.4.g', name: 'Geography' },
  { id: '2.C.5.a', name: 'Medicine and Dentistry' },
  { id: '2.C.5.b', name: 'Therapy and Counseling' },
  { id: '2.C.6', name: 'Education and Training' },
  { id: '2.C.7.a', name: 'English Language' },
  { id: '2.C.7.b', name: 'Foreign Language' },
  { id: '2.C.7.c', name: 'Fine Arts' },
  { id: '2.C.7.d', name: 'History and Archeology' },
  { id: '2.C.7.e', name: 'Philosophy and Theology' },
  { id: '2.C.8.a', name: 'Public Safety and Security' },
  { id: '2.C.8.b', name: 'Law and Government' },
  { id: '2.C.9.a', name: 'Telecommunications' },
  { id: '2.C.9.b', name: 'Communications and Media' },
  { id: '2.C.10', name: 'Transportation' },
];

export interface CategoryScale {
  readonly elementId: string;
  readonly elementName: string;
  readonly scaleId: string;
  /** Category descriptions, category 1 first (in this project's own words). */
  readonly categories: readonly string[];
}

/** The two percent-frequency scales generated for every occupation. */
export const EDUCATION_SCALES: readonly CategoryScale[] = [
  {
    elementId: '2.D.1',
    elementName: 'Required Level of Education',
    scaleId: 'RL',
    categories: [
      'No high school diploma',
      'High school diploma or an equivalent credential',
      'Certificate from a post-secondary programme',
      'Some college study without a degree',
      "Associate's degree",
      "Bachelor's degree",
      'Certificate after a bachelor',
      "Master's degree",
      'Certificate after a master',
      'First professional degree',
      'Doctorate',
      'Training after a doctorate',
    ],
  },
  {
    elementId: '3.A.1',
    elementName: 'Related Work Experience',
    scaleId: 'RW',
    categories: [
      'No prior experience',
      'At most one month',
      'More than one month, at most three',
      'More than three months, at most six',
      'More than six months, at most one year',
      'More than one year, at most two',
      'More than two years, at most four',
      'More than four years, at most six',
      'More than six years, at most eight',
      'More than eight years, at most ten',
      'More than ten years',
    ],
  },
];

/** SOC major groups of O*NET-SOC 2019 (the first two digits of a code). */
export const SOC_MAJOR_GROUPS = ['11', '13', '15', '17', '19', '21', '23', '25', '27', '29', '31', '33', '35', '37', '39', '41', '43', '45', '47', '49', '51', '53'];

/** Fields of work, for invented titles (lower case; title-cased for O*NET). */
export const DOMAINS = [
  'sound', 'lighting', 'broadcast', 'recording', 'stage', 'film', 'concert', 'radio', 'podcast', 'acoustic',
  'post-production', 'streaming', 'archive', 'studio', 'event', 'theatre', 'music', 'video', 'media', 'game audio',
  'textile', 'timber', 'glass', 'ceramics', 'foundry', 'plastics', 'paper', 'printing', 'packaging', 'furniture',
  'hospital', 'pharmacy', 'laboratory', 'dental', 'veterinary', 'nursing', 'optical', 'hearing care', 'rehabilitation', 'nutrition',
  'railway', 'harbour', 'aviation', 'logistics', 'warehouse', 'freight', 'fleet', 'road works', 'bridge', 'tunnel',
  'solar', 'wind farm', 'grid', 'water treatment', 'waste', 'recycling', 'forestry', 'orchard', 'greenhouse', 'dairy',
  'bakery', 'brewery', 'winery', 'catering', 'hotel', 'tourism', 'museum', 'library', 'school', 'sports',
  'insurance', 'banking', 'payroll', 'procurement', 'customs', 'tax', 'real estate', 'marketing', 'retail', 'data',
];

export const ROLES = [
  'technician', 'engineer', 'operator', 'manager', 'coordinator', 'inspector', 'designer', 'consultant', 'supervisor', 'specialist',
  'analyst', 'assistant', 'planner', 'installer', 'producer', 'editor', 'instructor', 'officer', 'administrator', 'researcher',
  'mechanic', 'fitter', 'advisor', 'controller', 'developer', 'surveyor', 'curator', 'dispatcher', 'estimator', 'programmer',
  'tester', 'trainer', 'broker', 'agent', 'clerk', 'scheduler', 'auditor', 'buyer', 'maker', 'restorer',
];

/** Prefixes that make occupation labels unique past DOMAINS x ROLES. */
export const ROLE_QUALIFIERS = ['', 'senior ', 'field ', 'lead ', 'chief ', 'trainee ', 'mobile ', 'remote ', 'night-shift ', 'contract '];

/** Words that stand in for a role in alternate labels. */
export const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  technician: ['tech', 'technical officer'],
  engineer: ['engineering specialist'],
  operator: ['operative', 'machine minder'],
  manager: ['head', 'lead'],
  coordinator: ['organiser'],
  inspector: ['checker', 'quality inspector'],
  designer: ['design specialist'],
  consultant: ['adviser'],
  supervisor: ['team leader', 'foreperson'],
  specialist: ['expert'],
  assistant: ['aide', 'helper'],
  producer: ['production lead'],
  editor: ['editing specialist'],
  instructor: ['teacher', 'tutor'],
  mechanic: ['repairer'],
};

export const SKILL_VERBS = [
  'operate', 'calibrate', 'maintain', 'inspect', 'plan', 'document', 'monitor', 'assemble', 'repair', 'test',
  'configure', 'evaluate', 'design', 'schedule', 'budget for', 'negotiate about', 'advise on', 'teach', 'supervise work on', 'install',
  'troubleshoot', 'label', 'store', 'clean', 'measure', 'adjust', 'coordinate', 'estimate costs of', 'audit', 'source',
  'mix', 'edit', 'record', 'archive', 'transport', 'prepare', 'restore', 'program', 'analyse data on', 'report on',
];

export const SKILL_OBJECTS = [
  'mixing consoles', 'microphones', 'loudspeaker systems', 'stage lighting', 'broadcast signals', 'audio files', 'video footage', 'rehearsal schedules', 'recording sessions', 'monitor mixes',
  'hand tools', 'power tools', 'lifting equipment', 'conveyor lines', 'kilns', 'looms', 'printing presses', 'packaging lines', 'moulds', 'sewing machines',
  'patient records', 'medical devices', 'laboratory samples', 'prescriptions', 'dental instruments', 'hearing aids', 'treatment plans', 'diet plans', 'wheelchairs', 'sterile supplies',
  'rail vehicles', 'shipping containers', 'aircraft parts', 'delivery routes', 'warehouse stock', 'freight documents', 'vehicle fleets', 'traffic signs', 'bridge bearings', 'tunnel ventilation',
  'solar panels', 'wind turbines', 'power cables', 'water pumps', 'waste streams', 'recycled materials', 'timber stands', 'fruit trees', 'greenhouse climate', 'milking equipment',
  'dough', 'fermentation tanks', 'wine casks', 'banquet menus', 'guest bookings', 'tour itineraries', 'museum collections', 'library catalogues', 'lesson plans', 'training sessions',
  'insurance claims', 'loan applications', 'payroll records', 'purchase orders', 'customs declarations', 'tax returns', 'property listings', 'advertising campaigns', 'shop displays', 'databases',
  'spreadsheets', 'project budgets', 'safety procedures', 'contracts', 'supplier relations', 'quality records', 'maintenance logs', 'work permits', 'inventory counts', 'client enquiries',
];

export const SKILL_CONTEXTS = [
  '', ' in live settings', ' for broadcast', ' on tour', ' in small workshops', ' in large plants', ' outdoors', ' at night', ' under time pressure', ' with a team',
  ' for export', ' in clean rooms', ' in cold storage', ' at height', ' in confined spaces', ' for public events', ' in hospitals', ' in schools', ' for small firms', ' for public bodies',
  ' in several languages', ' to specification', ' to safety rules', ' to a budget', ' on digital platforms', ' by hand', ' with automated systems', ' remotely', ' on site', ' in the field',
  ' for archives', ' for children', ' for older people', ' in rural areas', ' in city centres', ' at sea', ' in mines', ' in kitchens', ' in studios', ' on stage',
  ' for film', ' for games', ' for radio', ' for theatre', ' for festivals', ' for museums', ' for retail', ' for logistics', ' for farms', ' for research',
];

/** Nouns that turn an object into a knowledge concept: "<object> principles". */
export const KNOWLEDGE_NOUNS = [
  'principles', 'regulations', 'standards', 'terminology', 'history', 'theory', 'techniques', 'materials', 'safety', 'economics',
  'maintenance methods', 'design methods', 'quality norms', 'ergonomics', 'software', 'procedures', 'markets', 'acoustics', 'chemistry', 'law',
  'documentation', 'inspection methods', 'risk factors', 'supply chains', 'measurement', 'product range', 'best practice', 'environmental impact', 'ethics', 'processes',
  'planning methods', 'statistics', 'components', 'cost structures', 'testing methods', 'diagnostics', 'classification', 'handling rules', 'certification', 'protocols',
];

export const TASK_VERBS = [
  'Set up', 'Check', 'Adjust', 'Record', 'Repair', 'Clean', 'Plan', 'Review', 'Order', 'Store',
  'Test', 'Explain', 'Train staff on', 'Report faults in', 'Replace', 'Label', 'Measure', 'Schedule work on', 'Estimate the cost of', 'Discuss',
  'Prepare', 'Monitor', 'Document', 'Inspect', 'Calibrate', 'Assemble', 'Move', 'Evaluate', 'Select', 'Update',
];

export const TASK_CONTEXTS = [
  'before each session', 'at the end of each shift', 'with clients', 'following written procedures', 'using hand tools', 'using specialised software', 'to meet deadlines', 'to keep records complete', 'for later use', 'on request',
  'according to safety rules', 'with other departments', 'to reduce waste', 'during busy periods', 'as problems arise', 'to agreed standards', 'for each project', 'at regular intervals', 'in line with budgets', 'before public use',
];

/** Software examples for Technology Skills: brand-like prefixes (invented) and product kinds with a UNSPSC commodity. */
export const TECH_BRANDS = [
  'Larkspur', 'Quillon', 'Brightwell', 'Nordvale', 'Cobaltine', 'Harrowgate', 'Mistral', 'Fernhill', 'Orrery', 'Saltmarsh',
  'Tidewater', 'Ashgrove', 'Kestrel', 'Juniper Row', 'Halcyon', 'Redfern', 'Copperleaf', 'Windrose', 'Oakhurst', 'Stillwater',
];

export interface Commodity {
  readonly code: string;
  readonly title: string;
  readonly products: readonly string[];
}

export const TECH_COMMODITIES: readonly Commodity[] = [
  { code: '43232202', title: 'Document management software', products: ['DocVault', 'Paperless', 'Archivist'] },
  { code: '43232110', title: 'Spreadsheet software', products: ['Gridsheet', 'Tabulate', 'CellWorks'] },
  { code: '43232104', title: 'Word processing software', products: ['Wordsmith', 'TextDesk', 'Scribe'] },
  { code: '43232103', title: 'Video creation and editing software', products: ['CutRoom', 'FrameForge', 'ClipLine'] },
  { code: '43232102', title: 'Graphics or photo imaging software', products: ['PixelPress', 'Canvas Pro', 'Layerly'] },
  { code: '43232105', title: 'Music or sound editing software', products: ['Mixdesk', 'WaveBench', 'TrackStudio', 'LoopCraft'] },
  { code: '43231507', title: 'Project management software', products: ['Milestone', 'TaskHarbor', 'Planboard'] },
  { code: '43232306', title: 'Data base user interface and query software', products: ['QueryPoint', 'DataLens', 'Tablewise'] },
  { code: '43231601', title: 'Accounting software', products: ['Ledgerline', 'BookKeep', 'Tally Suite'] },
  { code: '43233501', title: 'Electronic mail software', products: ['Postbox', 'MailRoom'] },
  { code: '43232106', title: 'Presentation software', products: ['SlideCraft', 'Showcase'] },
  { code: '43232303', title: 'Customer relationship management CRM software', products: ['ClientHub', 'Rapport'] },
  { code: '43232604', title: 'Computer aided design CAD software', products: ['DraftPlane', 'Blueprint3D'] },
  { code: '43233004', title: 'Operating system software', products: ['ShellOS', 'CoreSys'] },
];

/** Words for invented descriptions. */
export const DESCRIPTION_PURPOSES = [
  'so that productions run on time', 'to keep equipment safe and ready', 'to meet the needs of clients', 'to agreed quality standards', 'within the budget they are given',
  'in line with the rules of their sector', 'so that work can be repeated and checked', 'for public and private organisations', 'for small firms and large employers', 'in teams or on their own',
];

/** A few ISCO-08 unit groups that the music and audio fixtures use; the generator also invents others. */
export const KNOWN_ISCO_GROUPS = ['2654', '3521'];
