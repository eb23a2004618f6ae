// Seed, part 1: the sources that claims are attributed to.
// Idempotent: MERGE on `id`, then SET += (running it twice leaves the same nodes and values).
// Every node has `id`, `name`, `aliases` (LIST<STRING>) and `description` (English).

// The article itself: every relationship of the seed lists it in `sources`.
MERGE (n:Source {id: 'article-bytedance-huawei-ascend'})
SET n += {
  name: "ByteDance s'appuie sur Huawei pour du matériel optimisé pour l'IA",
  aliases: ["ByteDance relies on Huawei for AI-optimised hardware", 'ByteDance Huawei Ascend article'],
  description: 'French news article (2024) on ByteDance obtaining AI chips from Huawei, the single document this seed graph is built from.',
  kind: 'article',
  language: 'fr',
  published: '2024',
  file: 'article-bytedance-huawei-ascend.fr.txt'
};

MERGE (n:Source {id: 'reuters'})
SET n += {
  name: 'Reuters',
  aliases: ['Reuters news agency', 'Thomson Reuters'],
  description: 'News agency the article cites ("Selon Reuters") for the ByteDance–Huawei collaboration and chip sourcing.',
  kind: 'news agency'
};

MERGE (n:Source {id: 'engadget'})
SET n += {
  name: 'Engadget',
  aliases: ['engadget.com'],
  description: "News site the article cites (“Selon Engadget”) for ByteDance's earlier use of NVIDIA H20 chips.",
  kind: 'news site'
};

MERGE (n:Source {id: 'unnamed-reports'})
SET n += {
  name: 'Unnamed reports',
  aliases: ['Plusieurs rapports', 'several reports', 'ces rapports'],
  description: 'Several reports the article mentions without naming them ("Plusieurs rapports suggèrent"), comparing the Ascend 910B with the A100.',
  kind: 'unnamed reports'
};
