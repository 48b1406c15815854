/** One persona per role for the local persona picker and the demo data (local mode only). */
export interface Persona {
  openid: string;
  role: 'resident' | 'member' | 'new_member' | 'community_staff' | 'league_staff' | 'unit_admin' | 'admin';
  label: string;
  description: string;
}

export const PERSONAS: Persona[] = [
  { openid: 'demo-resident', role: 'resident', label: '居民', description: '湖滨社区居民：看公告、许微心愿、网上问政' },
  { openid: 'demo-member', role: 'member', label: '在职党员', description: '已登记的在职党员：到社区报到、认领心愿、查看服务记录' },
  { openid: 'demo-new-member', role: 'new_member', label: '新党员（未登记）', description: '尚未登记的党员：先填写党员登记表' },
  { openid: 'demo-community-staff', role: 'community_staff', label: '社区工作人员', description: '湖滨社区工作人员：确认报到、发布活动和公告、答复问政' },
  { openid: 'demo-league-staff', role: 'league_staff', label: '团委工作人员', description: '百花洲街道团委：组织微心愿认领、督办' },
  { openid: 'demo-unit-admin', role: 'unit_admin', label: '单位党组织管理员', description: '市直机关单位：查看本单位党员报到和服务情况' },
  { openid: 'demo-admin', role: 'admin', label: '系统管理员', description: '创建社区和单位、授予角色' },
  { openid: 'demo-other-community-staff', role: 'community_staff', label: '其他社区工作人员', description: '朝阳新城社区工作人员：用于核对跨社区权限（不能办理湖滨社区的事项）' },
  { openid: 'demo-street-staff', role: 'community_staff', label: '街道工作人员', description: '百花洲街道：接收辖区社区超期上报的问政、督办答复' },
  // Two roles at once, as is common: the separation-of-duties rules (nobody reviews their own work) are checked with them.
  { openid: 'demo-staff-member', role: 'community_staff', label: '社区工作人员（兼党员）', description: '湖滨社区工作人员，也是在本社区报到的在职党员：自己的报到和服务记录须由其他工作人员确认' },
  { openid: 'demo-league-helper', role: 'league_staff', label: '团委工作人员（兼志愿者）', description: '百花洲街道团委工作人员，也是登记的在职党员、提供帮助：自己的认领意向和认领的心愿须由他人匹配和销号' },
];
