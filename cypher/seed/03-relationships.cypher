// Seed, part 3: the relationships, each with its provenance.
// Idempotent: MATCH both ends by label and id (uniqueness-index seeks), MERGE the relationship on
// (start, type, end), then SET += its properties.
//
// Every relationship carries:
//   id           stable slug
//   sources      ids of the Source nodes that make the claim (always the article; plus reuters,
//                engadget or unnamed-reports where the article attributes it to them)
//   evidence     the supporting sentence(s) of the article, verbatim (typos and ’ included), one
//                contiguous passage of the file
//   evidence_en  short English rendering
//   certainty    'confirmed'   the article states it plainly
//                'reported'    attributed ("Selon X", "Plusieurs rapports") or conditional
//                              ("aurait", "entraînerait")
//                'speculative' possibility ("pourrait", "pourraient")
//   asOf         when the claim holds or was made ("cette année" = 2024)
// Some also carry additionalEvidence: further verbatim sentences found elsewhere in the article.

// ===========================================================================
// The three relationships the product is about (GRAPH-MODEL.md)
// ===========================================================================

// ByteDance obtains AI chips from Huawei (per Reuters; the lede uses the conditional).
MATCH (a:Company {id: 'bytedance'}), (b:Company {id: 'huawei'})
MERGE (a)-[r:SOURCES_FROM]->(b)
SET r += {
  id: 'bytedance-sources-from-huawei',
  sources: ['article-bytedance-huawei-ascend', 'reuters'],
  evidence: "Selon Reutersdeux sociétés chinoises collaborent pour développer et améliorer un modèle d'IA personnalisé. Plus précisément, ByteDance, la société mère chinoise de TikTok, s'approvisionne en puces auprès de Huawei Technologies.",
  evidence_en: "According to Reuters, the two Chinese companies are working together on a custom AI model. More precisely, ByteDance, TikTok's Chinese parent, sources chips from Huawei Technologies.",
  certainty: 'reported',
  asOf: '2024',
  item: 'AI chips',
  additionalEvidence: [
    "ByteDance, le propriétaire de TikTok, entraînerait son IA sur des puces développées et construites par Huawei Technologies.",
    "ByteDance s'appuie sur Huawei pour du matériel optimisé pour l'IA"
  ]
};

// ByteDance's AI projects used NVIDIA's H20 (per Engadget).
MATCH (a:Company {id: 'bytedance'}), (b:Chip {id: 'h20'})
MERGE (a)-[r:PREVIOUSLY_USED]->(b)
SET r += {
  id: 'bytedance-previously-used-h20',
  sources: ['article-bytedance-huawei-ascend', 'engadget'],
  evidence: "Selon Engadgetles projets d'IA de ByteDance ont utilisé les puces AI H20 de NVIDIA.",
  evidence_en: "According to Engadget, ByteDance's AI projects used NVIDIA's H20 AI chips.",
  certainty: 'reported',
  asOf: '2024'
};

// Several unnamed reports: the Ascend 910B beats the A100.
MATCH (a:Chip {id: 'ascend-910b'}), (b:Chip {id: 'a100'})
MERGE (a)-[r:REPORTEDLY_OUTPERFORMS]->(b)
SET r += {
  id: 'ascend-910b-reportedly-outperforms-a100',
  sources: ['article-bytedance-huawei-ascend', 'unnamed-reports'],
  evidence: "Plusieurs rapports suggèrent que les puces Ascend 910B de Huawei sont supérieures aux puces A100 de NVIDIA. Il est intéressant de noter que ces rapports soulignent que les puces de la société chinoise surpassent les puces NVIDIA en termes de performances GPU et d'efficacité de la puissance de calcul.",
  evidence_en: "Several reports suggest Huawei's Ascend 910B chips are superior to NVIDIA's A100, outperforming them in GPU performance and compute efficiency.",
  certainty: 'reported',
  asOf: '2024',
  metrics: ['GPU performance', 'compute efficiency']
};

// ===========================================================================
// Who makes which chip
// ===========================================================================

MATCH (a:Company {id: 'huawei'}), (b:Chip {id: 'ascend-910b'})
MERGE (a)-[r:MAKES]->(b)
SET r += {
  id: 'huawei-makes-ascend-910b',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Plusieurs rapports suggèrent que les puces Ascend 910B de Huawei sont supérieures aux puces A100 de NVIDIA.",
  evidence_en: "The article calls them “Huawei's Ascend 910B chips” (the comparison itself is the reports' claim, not this one).",
  certainty: 'confirmed',
  asOf: '2024',
  additionalEvidence: [
    "ByteDance, le propriétaire de TikTok, entraînerait son IA sur des puces développées et construites par Huawei Technologies."
  ]
};

MATCH (a:Company {id: 'nvidia'}), (b:Chip {id: 'h20'})
MERGE (a)-[r:MAKES]->(b)
SET r += {
  id: 'nvidia-makes-h20',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Selon Engadgetles projets d'IA de ByteDance ont utilisé les puces AI H20 de NVIDIA.",
  evidence_en: "The article calls them “NVIDIA's H20 AI chips” (their use by ByteDance is Engadget's claim, not this one).",
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'nvidia'}), (b:Chip {id: 'a100'})
MERGE (a)-[r:MAKES]->(b)
SET r += {
  id: 'nvidia-makes-a100',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Plusieurs rapports suggèrent que les puces Ascend 910B de Huawei sont supérieures aux puces A100 de NVIDIA.",
  evidence_en: "The article calls them “NVIDIA's A100 chips”.",
  certainty: 'confirmed',
  asOf: '2024'
};

// ===========================================================================
// ByteDance's products
// ===========================================================================

MATCH (a:Company {id: 'bytedance'}), (b:Product {id: 'tiktok'})
MERGE (a)-[r:OWNS]->(b)
SET r += {
  id: 'bytedance-owns-tiktok',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance, le propriétaire de TikTok, entraînerait son IA sur des puces développées et construites par Huawei Technologies.",
  evidence_en: "ByteDance, the owner of TikTok (the rest of the sentence, about training on Huawei chips, is conditional).",
  certainty: 'confirmed',
  asOf: '2024',
  additionalEvidence: [
    "Plus précisément, ByteDance, la société mère chinoise de TikTok, s'approvisionne en puces auprès de Huawei Technologies."
  ]
};

MATCH (a:Company {id: 'bytedance'}), (b:Product {id: 'doubao'})
MERGE (a)-[r:DEVELOPS]->(b)
SET r += {
  id: 'bytedance-develops-doubao',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance dispose d'un chatbot IA appelé Doubao, d'un outil de synthèse texte-vidéo IA Jimeng et d'une application de retouche photo et vidéo IA nommée FaceU.",
  evidence_en: 'ByteDance has an AI chatbot called Doubao.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'bytedance'}), (b:Product {id: 'jimeng'})
MERGE (a)-[r:DEVELOPS]->(b)
SET r += {
  id: 'bytedance-develops-jimeng',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance dispose d'un chatbot IA appelé Doubao, d'un outil de synthèse texte-vidéo IA Jimeng et d'une application de retouche photo et vidéo IA nommée FaceU.",
  evidence_en: 'ByteDance has an AI text-to-video tool, Jimeng.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'bytedance'}), (b:Product {id: 'faceu'})
MERGE (a)-[r:DEVELOPS]->(b)
SET r += {
  id: 'bytedance-develops-faceu',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance dispose d'un chatbot IA appelé Doubao, d'un outil de synthèse texte-vidéo IA Jimeng et d'une application de retouche photo et vidéo IA nommée FaceU.",
  evidence_en: 'ByteDance has an AI photo and video editing app named FaceU.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Product {id: 'doubao'}), (b:Country {id: 'china'})
MERGE (a)-[r:POPULAR_IN]->(b)
SET r += {
  id: 'doubao-popular-in-china',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Avec plus de 10 millions d'utilisateurs actifs par mois, Doubao est devenue l'une des applications les plus populaires de Chine quelques semaines après son lancement.",
  evidence_en: 'With more than 10 million monthly active users, Doubao became one of the most popular apps in China a few weeks after its launch.',
  certainty: 'confirmed',
  asOf: '2024',
  monthlyActiveUsersAtLeast: 10000000
};

// ===========================================================================
// The Ascend 910B order
// ===========================================================================

MATCH (a:Company {id: 'bytedance'}), (b:Chip {id: 'ascend-910b'})
MERGE (a)-[r:ORDERED]->(b)
SET r += {
  id: 'bytedance-ordered-ascend-910b',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance aurait commandé 100 000 puces Ascend 910B à Huawei cette année. Bien que la société n'ait pas encore fait d'annonce officielle, ByteDance a jusqu'à présent reçu 30 000 puces de Huawei.",
  evidence_en: 'ByteDance reportedly ordered 100,000 Ascend 910B chips from Huawei this year. Although there is no official announcement yet, it has received 30,000 so far.',
  certainty: 'reported',
  asOf: '2024',
  quantity: 100000,
  delivered: 30000,
  supplier: 'huawei',
  officialAnnouncement: false,
  note: 'No official announcement by the company yet. The order is reported in the conditional ("aurait commandé").'
};

// ===========================================================================
// The joint AI model (per Reuters)
// ===========================================================================

MATCH (a:Company {id: 'bytedance'}), (b:Product {id: 'bytedance-huawei-ai-model'})
MERGE (a)-[r:CO_DEVELOPS]->(b)
SET r += {
  id: 'bytedance-co-develops-bytedance-huawei-ai-model',
  sources: ['article-bytedance-huawei-ascend', 'reuters'],
  evidence: "Selon Reutersdeux sociétés chinoises collaborent pour développer et améliorer un modèle d'IA personnalisé. Plus précisément, ByteDance, la société mère chinoise de TikTok, s'approvisionne en puces auprès de Huawei Technologies.",
  evidence_en: 'According to Reuters, the two Chinese companies (ByteDance and Huawei) work together to develop and improve a custom AI model.',
  certainty: 'reported',
  asOf: '2024',
  partner: 'huawei'
};

MATCH (a:Company {id: 'huawei'}), (b:Product {id: 'bytedance-huawei-ai-model'})
MERGE (a)-[r:CO_DEVELOPS]->(b)
SET r += {
  id: 'huawei-co-develops-bytedance-huawei-ai-model',
  sources: ['article-bytedance-huawei-ascend', 'reuters'],
  evidence: "Selon Reutersdeux sociétés chinoises collaborent pour développer et améliorer un modèle d'IA personnalisé. Plus précisément, ByteDance, la société mère chinoise de TikTok, s'approvisionne en puces auprès de Huawei Technologies.",
  evidence_en: 'According to Reuters, the two Chinese companies (ByteDance and Huawei) work together to develop and improve a custom AI model.',
  certainty: 'reported',
  asOf: '2024',
  partner: 'bytedance'
};

// ===========================================================================
// US trade restrictions
// ===========================================================================

MATCH (a:Country {id: 'usa'}), (b:Policy {id: 'us-trade-restrictions'})
MERGE (a)-[r:IMPOSES]->(b)
SET r += {
  id: 'usa-imposes-us-trade-restrictions',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Les deux entreprises chinoises pourraient tenter de développer des capacités régionales en matière d’IA et de contrer les restrictions commerciales américaines.",
  evidence_en: 'The article takes US trade restrictions as given ("les restrictions commerciales américaines"). Only the attempt to counter them is speculative.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Policy {id: 'us-trade-restrictions'}), (b:Company {id: 'bytedance'})
MERGE (a)-[r:RESTRICTS]->(b)
SET r += {
  id: 'us-trade-restrictions-restricts-bytedance',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Cependant, en raison de la géopolitique, ByteDance et d’autres sociétés chinoises ont restreint l’accès aux logiciels et matériels américains.",
  evidence_en: 'However, because of geopolitics, ByteDance and other Chinese companies have restricted access to US software and hardware.',
  certainty: 'confirmed',
  asOf: '2024',
  scope: 'access to US hardware and software',
  appliesTo: 'ByteDance and other Chinese companies',
  note: 'The French "ont restreint l’accès" literally says the companies restricted access. Read as: their access to US hardware and software is restricted.'
};

MATCH (a:Company {id: 'bytedance'}), (b:Policy {id: 'us-trade-restrictions'})
MERGE (a)-[r:MAY_COUNTER]->(b)
SET r += {
  id: 'bytedance-may-counter-us-trade-restrictions',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Les deux entreprises chinoises pourraient tenter de développer des capacités régionales en matière d’IA et de contrer les restrictions commerciales américaines.",
  evidence_en: 'The two Chinese companies could try to develop regional AI capabilities and counter US trade restrictions.',
  certainty: 'speculative',
  asOf: '2024',
  goal: 'develop regional AI capabilities and counter US trade restrictions',
  additionalEvidence: [
    "Pour éviter complètement les restrictions commerciales, ByteDance pourrait s'approvisionner en puces IA auprès de Huawei. De plus, en contactant une entreprise chinoise, le propriétaire de TikTok peut se procurer des puces plus récentes dotées de capacités de traitement meilleures et plus rapides."
  ]
};

MATCH (a:Company {id: 'huawei'}), (b:Policy {id: 'us-trade-restrictions'})
MERGE (a)-[r:MAY_COUNTER]->(b)
SET r += {
  id: 'huawei-may-counter-us-trade-restrictions',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Les deux entreprises chinoises pourraient tenter de développer des capacités régionales en matière d’IA et de contrer les restrictions commerciales américaines.",
  evidence_en: 'The two Chinese companies could try to develop regional AI capabilities and counter US trade restrictions.',
  certainty: 'speculative',
  asOf: '2024',
  goal: 'develop regional AI capabilities and counter US trade restrictions'
};

// ===========================================================================
// What Huawei's latest chips could do for ByteDance's products
// ===========================================================================

MATCH (a:Chip {id: 'ascend-910b'}), (b:Product {id: 'doubao'})
MERGE (a)-[r:COULD_IMPROVE]->(b)
SET r += {
  id: 'ascend-910b-could-improve-doubao',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance dispose d'un chatbot IA appelé Doubao, d'un outil de synthèse texte-vidéo IA Jimeng et d'une application de retouche photo et vidéo IA nommée FaceU. Les dernières puces de Huawei pourraient contribuer à améliorer ces produits.",
  evidence_en: "Huawei's latest chips could help improve these products (Doubao, Jimeng, FaceU).",
  certainty: 'speculative',
  asOf: '2024',
  note: 'The article says "Les dernières puces de Huawei" (Huawei’s latest chips). Read here as the Ascend 910B it discusses.'
};

MATCH (a:Chip {id: 'ascend-910b'}), (b:Product {id: 'jimeng'})
MERGE (a)-[r:COULD_IMPROVE]->(b)
SET r += {
  id: 'ascend-910b-could-improve-jimeng',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance dispose d'un chatbot IA appelé Doubao, d'un outil de synthèse texte-vidéo IA Jimeng et d'une application de retouche photo et vidéo IA nommée FaceU. Les dernières puces de Huawei pourraient contribuer à améliorer ces produits.",
  evidence_en: "Huawei's latest chips could help improve these products (Doubao, Jimeng, FaceU).",
  certainty: 'speculative',
  asOf: '2024',
  note: 'The article says "Les dernières puces de Huawei" (Huawei’s latest chips). Read here as the Ascend 910B it discusses.'
};

MATCH (a:Chip {id: 'ascend-910b'}), (b:Product {id: 'faceu'})
MERGE (a)-[r:COULD_IMPROVE]->(b)
SET r += {
  id: 'ascend-910b-could-improve-faceu',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance dispose d'un chatbot IA appelé Doubao, d'un outil de synthèse texte-vidéo IA Jimeng et d'une application de retouche photo et vidéo IA nommée FaceU. Les dernières puces de Huawei pourraient contribuer à améliorer ces produits.",
  evidence_en: "Huawei's latest chips could help improve these products (Doubao, Jimeng, FaceU).",
  certainty: 'speculative',
  asOf: '2024',
  note: 'The article says "Les dernières puces de Huawei" (Huawei’s latest chips). Read here as the Ascend 910B it discusses.'
};

// ===========================================================================
// Generative-AI platforms
// ===========================================================================

MATCH (a:Company {id: 'google'}), (b:Technology {id: 'generative-ai'})
MERGE (a)-[r:OPERATES_PLATFORM]->(b)
SET r += {
  id: 'google-operates-platform-generative-ai',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Des entreprises comme Google, Microsoft, Meta, Apple, X (anciennement Twitter) et plusieurs autres disposent de plateformes Gen AI.",
  evidence_en: 'Companies such as Google, Microsoft, Meta, Apple, X (formerly Twitter) and several others have Gen AI platforms.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'microsoft'}), (b:Technology {id: 'generative-ai'})
MERGE (a)-[r:OPERATES_PLATFORM]->(b)
SET r += {
  id: 'microsoft-operates-platform-generative-ai',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Des entreprises comme Google, Microsoft, Meta, Apple, X (anciennement Twitter) et plusieurs autres disposent de plateformes Gen AI.",
  evidence_en: 'Companies such as Google, Microsoft, Meta, Apple, X (formerly Twitter) and several others have Gen AI platforms.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'meta'}), (b:Technology {id: 'generative-ai'})
MERGE (a)-[r:OPERATES_PLATFORM]->(b)
SET r += {
  id: 'meta-operates-platform-generative-ai',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Des entreprises comme Google, Microsoft, Meta, Apple, X (anciennement Twitter) et plusieurs autres disposent de plateformes Gen AI.",
  evidence_en: 'Companies such as Google, Microsoft, Meta, Apple, X (formerly Twitter) and several others have Gen AI platforms.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'apple'}), (b:Technology {id: 'generative-ai'})
MERGE (a)-[r:OPERATES_PLATFORM]->(b)
SET r += {
  id: 'apple-operates-platform-generative-ai',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Des entreprises comme Google, Microsoft, Meta, Apple, X (anciennement Twitter) et plusieurs autres disposent de plateformes Gen AI.",
  evidence_en: 'Companies such as Google, Microsoft, Meta, Apple, X (formerly Twitter) and several others have Gen AI platforms.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'x-corp'}), (b:Technology {id: 'generative-ai'})
MERGE (a)-[r:OPERATES_PLATFORM]->(b)
SET r += {
  id: 'x-corp-operates-platform-generative-ai',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Des entreprises comme Google, Microsoft, Meta, Apple, X (anciennement Twitter) et plusieurs autres disposent de plateformes Gen AI.",
  evidence_en: 'Companies such as Google, Microsoft, Meta, Apple, X (formerly Twitter) and several others have Gen AI platforms.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Company {id: 'bytedance'}), (b:Technology {id: 'generative-ai'})
MERGE (a)-[r:OPERATES_PLATFORM]->(b)
SET r += {
  id: 'bytedance-operates-platform-generative-ai',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Pour ne pas être en reste, ByteDance a également construit et déployé quelques plateformes d'IA.",
  evidence_en: 'Not to be outdone, ByteDance has also built and deployed a few AI platforms.',
  certainty: 'confirmed',
  asOf: '2024'
};

// ===========================================================================
// Where the two companies are based
// ===========================================================================

MATCH (a:Company {id: 'bytedance'}), (b:Country {id: 'china'})
MERGE (a)-[r:BASED_IN]->(b)
SET r += {
  id: 'bytedance-based-in-china',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance, le propriétaire de TikTok, entraînerait son IA sur des puces développées et construites par Huawei Technologies. Les deux entreprises chinoises pourraient tenter de développer des capacités régionales en matière d’IA et de contrer les restrictions commerciales américaines.",
  evidence_en: 'ByteDance and Huawei are called "the two Chinese companies".',
  certainty: 'confirmed',
  asOf: '2024',
  additionalEvidence: [
    "Plus précisément, ByteDance, la société mère chinoise de TikTok, s'approvisionne en puces auprès de Huawei Technologies."
  ]
};

MATCH (a:Company {id: 'huawei'}), (b:Country {id: 'china'})
MERGE (a)-[r:BASED_IN]->(b)
SET r += {
  id: 'huawei-based-in-china',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "ByteDance, le propriétaire de TikTok, entraînerait son IA sur des puces développées et construites par Huawei Technologies. Les deux entreprises chinoises pourraient tenter de développer des capacités régionales en matière d’IA et de contrer les restrictions commerciales américaines.",
  evidence_en: 'ByteDance and Huawei are called "the two Chinese companies".',
  certainty: 'confirmed',
  asOf: '2024'
};

// ===========================================================================
// Whom the article cites
// ===========================================================================

MATCH (a:Source {id: 'article-bytedance-huawei-ascend'}), (b:Source {id: 'reuters'})
MERGE (a)-[r:CITES]->(b)
SET r += {
  id: 'article-bytedance-huawei-ascend-cites-reuters',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Selon Reutersdeux sociétés chinoises collaborent pour développer et améliorer un modèle d'IA personnalisé.",
  evidence_en: 'The article cites Reuters for the collaboration and the chip sourcing.',
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Source {id: 'article-bytedance-huawei-ascend'}), (b:Source {id: 'engadget'})
MERGE (a)-[r:CITES]->(b)
SET r += {
  id: 'article-bytedance-huawei-ascend-cites-engadget',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Selon Engadgetles projets d'IA de ByteDance ont utilisé les puces AI H20 de NVIDIA.",
  evidence_en: "The article cites Engadget for ByteDance's use of NVIDIA H20 chips.",
  certainty: 'confirmed',
  asOf: '2024'
};

MATCH (a:Source {id: 'article-bytedance-huawei-ascend'}), (b:Source {id: 'unnamed-reports'})
MERGE (a)-[r:CITES]->(b)
SET r += {
  id: 'article-bytedance-huawei-ascend-cites-unnamed-reports',
  sources: ['article-bytedance-huawei-ascend'],
  evidence: "Plusieurs rapports suggèrent que les puces Ascend 910B de Huawei sont supérieures aux puces A100 de NVIDIA.",
  evidence_en: 'The article cites several unnamed reports for the Ascend 910B versus A100 comparison.',
  certainty: 'confirmed',
  asOf: '2024'
};
