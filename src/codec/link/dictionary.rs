//! The preset dictionary of link format version 1: words and phrases of English pooled-budget
//! planning, which deflate may refer back to instead of spelling them out. Part of the format:
//! never change it; a new dictionary needs a new version tag. docs/link-format.md repeats it
//! byte for byte (a test checks), so another tool can read links.
//!
//! Each phrase ends with the byte FF, as every string in a link body does. Deflate codes nearer
//! references more cheaply, so the most common phrases come last.

pub const DICTIONARY: &[u8] = b"\
Workforce recruitment and retention\xffPersonalised care at home\xffResidential placements\xff\
Prevention and early intervention\xffCare Act duties\xffEquipment and adaptations\xff\
Speech and language therapy\xffFamily nurse partnership\xffBreastfeeding support\xff\
Children's centres\xffHealth visiting\xffSchool nursing\xff0-19 services\xffEarly help\xff\
Children and Families\xffPublic health grant:\xffHousing-related support\xff\
Extended GP access\xffCommunity connectors\xffpharmacy\xffNeighbourhood teams\xff\
Integrated front door\xffSocial work\xffLocality Pool\xffneighbourhood health\xff\
Mental health crisis support\xffCommunity mental health\xffFalls prevention\xff\
Enhanced health in care homes\xffAssistive technology\xffIntermediate care beds\xff\
Discharge to assess\xffHome care\xffhospital discharge\xffCommunity rapid response\xff\
Community nursing\xffSocial prescribing\xffHome adaptations (DFG)\xffCarers' support\xff\
Reablement\xffCouncil for Voluntary Service\xffGP Confederation\xffPublic Health\xff\
City of London Corporation\xffIntegrated Health Pool\xffDisabled Facilities Grant\xff\
Local Authority Better Care Grant\xffICB discharge fund\xffadditional contribution\xff\
children's services contribution\xffOption A: 50:50 risk share\xffOption B: pro rata\xff\
Option C: host bears\xffOption D: tiered\xffpooled budgets 2025/26 to 2029/30\xff\
2026/27 2027/28 2028/29 2030/31\xffHealthcare NHS Foundation Trust\xff\
London NHS Foundation Trust\xffNHS minimum contribution\xffIntegrated Care Board\xff\
Better Care Fund\xffLondon Borough of\xff";
