// Seed, part 2: the entities the article talks about.
// Idempotent: MERGE on `id`, then SET += (running it twice leaves the same nodes and values).
// Every node has `id`, `name`, `aliases` (LIST<STRING>) and `description` (English).
// Descriptions restate what the article says; anything the article does not say is left out.

// ---------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------
MERGE (n:Company {id: 'bytedance'})
SET n += {
  name: 'ByteDance',
  aliases: ['Byte Dance', '字节跳动'],
  description: 'Chinese parent company of TikTok. Builds AI products (Doubao, Jimeng, FaceU) and reportedly trains its AI on Huawei chips.',
  country: 'China'
};

MERGE (n:Company {id: 'huawei'})
SET n += {
  name: 'Huawei Technologies',
  aliases: ['Huawei', 'Huawei Technologies Co., Ltd.', '华为'],
  description: 'Chinese company that develops and builds AI chips, including the Ascend 910B.',
  country: 'China'
};

MERGE (n:Company {id: 'nvidia'})
SET n += {
  name: 'NVIDIA',
  aliases: ['Nvidia', 'NVIDIA Corporation', '英伟达'],
  description: 'Maker of the H20 and A100 AI chips.'
};

MERGE (n:Company {id: 'google'})
SET n += {
  name: 'Google',
  aliases: ['Google LLC'],
  description: 'Technology company the article lists among those with their own generative-AI platforms.'
};

MERGE (n:Company {id: 'microsoft'})
SET n += {
  name: 'Microsoft',
  aliases: ['Microsoft Corporation'],
  description: 'Technology company the article lists among those with their own generative-AI platforms.'
};

MERGE (n:Company {id: 'meta'})
SET n += {
  name: 'Meta',
  aliases: ['Meta Platforms', 'Facebook'],
  description: 'Technology company the article lists among those with their own generative-AI platforms.'
};

MERGE (n:Company {id: 'apple'})
SET n += {
  name: 'Apple',
  aliases: ['Apple Inc.'],
  description: 'Technology company the article lists among those with their own generative-AI platforms.'
};

MERGE (n:Company {id: 'x-corp'})
SET n += {
  name: 'X',
  aliases: ['Twitter', 'X Corp.'],
  description: 'Technology company formerly known as Twitter. The article lists it among those with their own generative-AI platforms.',
  formerName: 'Twitter'
};

// ---------------------------------------------------------------------------
// Chips
// ---------------------------------------------------------------------------
MERGE (n:Chip {id: 'ascend-910b'})
SET n += {
  name: 'Ascend 910B',
  aliases: ['910B', 'Huawei Ascend 910B', '昇腾910B'],
  description: "Huawei AI chip. ByteDance reportedly ordered 100,000 of them and received 30,000. Unnamed reports say it beats NVIDIA's A100.",
  kind: 'AI chip'
};

MERGE (n:Chip {id: 'h20'})
SET n += {
  name: 'NVIDIA H20',
  aliases: ['H20'],
  description: "NVIDIA AI chip that, according to Engadget, ByteDance's AI projects used.",
  kind: 'AI chip'
};

MERGE (n:Chip {id: 'a100'})
SET n += {
  name: 'NVIDIA A100',
  aliases: ['A100'],
  description: 'NVIDIA chip that unnamed reports say the Huawei Ascend 910B outperforms.',
  kind: 'AI chip'
};

// ---------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------
MERGE (n:Product {id: 'tiktok'})
SET n += {
  name: 'TikTok',
  aliases: ['Tik Tok'],
  description: 'Social video app owned by ByteDance.',
  kind: 'social video app'
};

MERGE (n:Product {id: 'doubao'})
SET n += {
  name: 'Doubao',
  aliases: ['豆包'],
  description: "ByteDance's AI chatbot, with more than 10 million monthly active users, one of the most popular apps in China a few weeks after launch.",
  kind: 'AI chatbot',
  monthlyActiveUsersAtLeast: 10000000
};

MERGE (n:Product {id: 'jimeng'})
SET n += {
  name: 'Jimeng',
  aliases: ['Jimeng AI', '即梦'],
  description: "ByteDance's AI text-to-video tool.",
  kind: 'text-to-video AI tool'
};

MERGE (n:Product {id: 'faceu'})
SET n += {
  name: 'FaceU',
  aliases: ['Faceu'],
  description: "ByteDance's AI photo and video editing app.",
  kind: 'AI photo and video editing app'
};

MERGE (n:Product {id: 'bytedance-huawei-ai-model'})
SET n += {
  name: 'ByteDance–Huawei custom AI model',
  aliases: ["modèle d'IA personnalisé", 'custom AI model'],
  description: 'Custom AI model that, according to Reuters, ByteDance and Huawei are developing and improving together.',
  kind: 'AI model'
};

// ---------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------
MERGE (n:Country {id: 'china'})
SET n += {
  name: 'China',
  aliases: ['Chine', '中国', "People's Republic of China"],
  description: 'Home country of ByteDance and Huawei.'
};

MERGE (n:Country {id: 'usa'})
SET n += {
  name: 'United States',
  aliases: ['US', 'USA', 'États-Unis', 'Etats-Unis', 'United States of America'],
  description: "Country whose trade restrictions limit Chinese companies' access to US hardware and software."
};

// ---------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------
MERGE (n:Policy {id: 'us-trade-restrictions'})
SET n += {
  name: 'US trade restrictions',
  aliases: ['restrictions commerciales américaines', 'restrictions commerciales', 'US trade curbs'],
  description: 'US trade restrictions that limit ByteDance and other Chinese companies in accessing US hardware and software.'
};

// ---------------------------------------------------------------------------
// Technology
// ---------------------------------------------------------------------------
MERGE (n:Technology {id: 'generative-ai'})
SET n += {
  name: 'Generative AI',
  aliases: ['Gen AI', 'IA générative', 'intelligence artificielle générative'],
  description: 'Generative artificial intelligence, which the article calls a must for every technology company. AI platforms need chips optimised for AI that can digest large amounts of data.'
};
