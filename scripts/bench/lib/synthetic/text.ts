/**
 * Word banks and filler sentences for synthetic abstracts. None names a measure or writes an
 * interval, so the only estimates in a synthetic abstract are the ones the generator intends.
 */

/** Journals (none contains a colon: the listing parser would read it as a section). */
export const JOURNALS = [
  'BMC Medical Imaging', 'Eur Radiol', 'JACC Cardiovasc Imaging', 'Int Endod J', 'J Endod', 'BMC Oral Health',
  'BMC Musculoskelet Disord', 'Skeletal Radiol', 'J Cancer Res Clin Oncol', 'Sci Rep', 'Diagnostics (Basel)',
  'Front Cardiovasc Med', 'Eur Heart J Digit Health', 'NPJ Digit Med', 'Insights Imaging', 'Acad Radiol',
];

/** Month names as listings write them. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Departments for affiliation lines. */
export const DEPARTMENTS = ['Radiology', 'Cardiology', 'Oral and Maxillofacial Radiology', 'Orthopaedic Surgery', 'Medical Oncology', 'Biomedical Engineering', 'Endodontics', 'Diagnostic Imaging'];
/** University names for affiliation lines (invented). */
export const UNIVERSITIES = ['Northgate', 'Riverside', 'Lakeshore', 'Eastfield', 'Highmoor', 'Westbrook', 'Kingsport', 'Ashford', 'Elmstead', 'Stonebridge', 'Harbourview', 'Millbrook'];
/** City and country endings of affiliation lines. */
export const PLACES = ['Cairo, Egypt', 'Stockholm, Sweden', 'Mannheim, Germany', 'Boston, USA', 'Seoul, South Korea', 'Melbourne, Australia', 'Toronto, Canada', 'Leiden, the Netherlands', 'Kyoto, Japan', 'Milan, Italy', 'Lyon, France', 'Porto, Portugal'];

/** Aim verbs (ingest turns "aimed to evaluate …" into the title "Evaluating …"). */
export const AIM_VERBS = ['evaluate', 'assess', 'validate', 'benchmark', 'characterise', 'quantify', 'examine', 'investigate', 'test', 'compare'];
/** Words describing the evaluated model, with their article. */
export const MODEL_ADJECTIVES = ['a multicentre', 'an open-source', 'a commercially available', 'a lightweight', 'a self-supervised', 'a transformer-based', 'an ensemble', 'a video-based', 'a weakly supervised', 'a federated', 'a two-stage', 'an attention-guided'];
/** Kinds of AI model. */
export const MODELS = ['convolutional neural network', 'deep-learning model', 'vision transformer', 'U-Net segmentation model', 'gradient-boosted classifier', 'large language model', 'residual network', 'detection pipeline', 'foundation model', 'radiomics classifier'];
/** Imaging modalities and data sources. */
export const MODALITIES = ['echocardiography', 'cardiac magnetic resonance', 'cone beam computed tomography', 'plain radiographs', 'computed tomography', 'ultrasound videos', 'panoramic radiographs', 'clinical records'];
/** Study populations. */
export const POPULATIONS = ['adults', 'older adults', 'children', 'emergency department patients', 'outpatients', 'referred patients', 'screening participants', 'hospitalised patients'];
/** Study designs. */
export const DESIGNS = ['retrospective', 'prospective', 'multicentre retrospective', 'single-centre retrospective', 'prospective multicentre', 'cross-sectional'];
/** Reference standards. */
export const REFERENCES = ['expert consensus reading', 'cardiac magnetic resonance', 'a multidisciplinary tumour board', 'micro-computed tomography', 'surgical findings', 'two senior radiologists'];

/** Background sentences; {finding}, {modality} and {domain} are filled in. */
export const BACKGROUND = [
  'Timely recognition of {finding} guides further management and follow-up.',
  'Expert reading of {modality} is time-consuming, and readers often disagree.',
  'Deep-learning models have shown promise for automated interpretation of {modality}, but most were developed at a single institution.',
  'Few models have been validated against an established clinical reference standard in consecutive patients.',
  'Reliable automated assessment could shorten reporting times and support less experienced readers.',
  'Access to subspecialty expertise is limited in many regions, which delays diagnosis and treatment.',
  'Manual assessment of {finding} requires training and is difficult to standardise across centres.',
];

/** Methods sentences (the sample size sentence is added separately). */
export const METHODS = [
  'Images were annotated by two experienced readers, and disagreements were resolved by consensus.',
  'The data were split at the patient level into training, tuning and test sets.',
  'The reference standard was {reference}.',
  'Model outputs were compared with the reference standard on a held-out test set that was not used for training.',
  'Examinations with severe artefacts were excluded before analysis.',
  'Hyperparameters were chosen on the tuning set only, and the test set was analysed once.',
];

/** Results sentences without estimates. */
export const RESULTS = [
  'Performance was similar in subgroups defined by age, sex and scanner vendor.',
  'Most errors occurred in examinations of limited image quality.',
  'Saliency maps highlighted anatomically plausible regions.',
  'Processing took less than one second per examination on a standard workstation.',
];

/** Conclusion sentences. */
export const CONCLUSIONS = [
  'The {model} identified {finding} reliably and could support clinical reading of {modality}.',
  'Prospective multicentre studies are needed before routine clinical use.',
  'These results support further evaluation of automated assessment in routine practice.',
  'Automated analysis of {modality} may help to prioritise examinations for expert review.',
];
